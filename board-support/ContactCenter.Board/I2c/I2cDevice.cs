using System.Runtime.InteropServices;
using ContactCenter.Board.Gpio.Native;
using ContactCenter.Board.I2c.Native;

namespace ContactCenter.Board.I2c;

/// <summary>
/// One chip on a Linux i2c-dev bus (<c>/dev/i2c-N</c>): <c>I2C_SLAVE</c> selects its address, then every register
/// access is one <c>I2C_SMBUS</c> ioctl, byte data for one register and I2C block data for several.
/// </summary>
/// <remarks>
/// SMBus transfers rather than plain <c>read(2)</c>/<c>write(2)</c>: a register read is then one combined transaction
/// (the register number, a repeated start, the data) the kernel performs atomically, so nothing else on the bus can
/// slip between setting the register pointer and reading it; the kernel emulates these transfers on every I2C
/// adapter, and SMBus-only adapters (the kernel's <c>i2c-stub</c> register file the hardware test runs against, PC
/// SMBus controllers) can do nothing else. The MCP23017's byte and sequential modes are exactly these transfers
/// (Microchip DS20001952C §3.2.1 and §3.2.2, figures 3-2 and 3-3).
/// </remarks>
public sealed class I2cDevice : II2cDevice
{
    private const ulong NeededFunctions =
        I2cDev.FunctionReadByteData | I2cDev.FunctionWriteByteData | I2cDev.FunctionReadI2cBlock | I2cDev.FunctionWriteI2cBlock;

    private readonly int _fd;
    private bool _disposed;

    private I2cDevice(int fd, string name)
    {
        _fd = fd;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Opens the bus and addresses the chip.</summary>
    /// <param name="bus">The bus device, e.g. <c>/dev/i2c-1</c>.</param>
    /// <param name="address">The chip's 7-bit address (0x03..0x77).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="address"/> is not a 7-bit device address.</exception>
    /// <exception cref="I2cException">
    /// The bus cannot be opened, cannot do the SMBus transfers used here, or a kernel driver owns the address.
    /// </exception>
    /// <remarks>
    /// Opening sends nothing on the bus: an absent chip shows at the first transfer (ENXIO or EREMOTEIO, "No such
    /// device or address" or "Remote I/O error", depending on the adapter).
    /// </remarks>
    public static unsafe I2cDevice Open(string bus, int address)
    {
        ArgumentException.ThrowIfNullOrEmpty(bus);
        ArgumentOutOfRangeException.ThrowIfLessThan(address, 0x03);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 0x77);
        string name = I2cErrors.DeviceName(bus, address);
        int fd = LibC.Open(bus, LibC.OpenReadWrite | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw I2cErrors.SystemCall($"cannot open I2C bus {bus}", errno);
        }

        try
        {
            nuint functions = 0;
            if (LibC.Ioctl(fd, I2cDev.FunctionsIoctl, &functions) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw I2cErrors.SystemCall($"{bus} is not an I2C bus", errno);
            }

            ulong missing = NeededFunctions & ~(ulong)functions;
            if (missing != 0)
            {
                throw I2cErrors.MissingFunctions(bus, missing);
            }

            // I2C_SLAVE takes the address itself as ioctl's third argument, not a pointer to it.
            if (LibC.Ioctl(fd, I2cDev.SlaveIoctl, (void*)(nint)address) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw errno == I2cErrors.Busy ? I2cErrors.AddressBusy(name) : I2cErrors.SystemCall($"cannot address I2C chip {name}", errno);
            }

            return new I2cDevice(fd, name);
        }
        catch
        {
            LibC.Close(fd);
            throw;
        }
    }

    /// <inheritdoc/>
    public unsafe void ReadRegisters(byte first, Span<byte> destination)
    {
        CheckLength(destination.Length, nameof(destination));
        I2cDev.I2cSmbusData data = default;
        if (destination.Length == 1)
        {
            Transfer(I2cDev.Read, first, I2cDev.ByteData, &data, "read");
            destination[0] = data.Block[0];
            return;
        }

        data.Block[0] = (byte)destination.Length;
        Transfer(I2cDev.Read, first, I2cDev.I2cBlockData, &data, "read");
        new ReadOnlySpan<byte>(data.Block + 1, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc/>
    public unsafe void WriteRegisters(byte first, ReadOnlySpan<byte> values)
    {
        CheckLength(values.Length, nameof(values));
        I2cDev.I2cSmbusData data = default;
        if (values.Length == 1)
        {
            data.Block[0] = values[0];
            Transfer(I2cDev.Write, first, I2cDev.ByteData, &data, "write");
            return;
        }

        data.Block[0] = (byte)values.Length;
        values.CopyTo(new Span<byte>(data.Block + 1, values.Length));
        Transfer(I2cDev.Write, first, I2cDev.I2cBlockData, &data, "write");
    }

    /// <summary>Closes the bus.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            LibC.Close(_fd);
        }
    }

    private static void CheckLength(int length, string parameter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1, parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, I2cDev.BlockMax, parameter);
    }

    private unsafe void Transfer(byte readWrite, byte register, uint size, I2cDev.I2cSmbusData* data, string verb)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var request = new I2cDev.I2cSmbusIoctlData { ReadWrite = readWrite, Command = register, Size = size, Data = data };
        if (LibC.Ioctl(_fd, I2cDev.SmbusIoctl, &request) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw I2cErrors.SystemCall(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cannot {verb} register 0x{register:x2} of I2C chip {Name}"), errno);
        }
    }
}

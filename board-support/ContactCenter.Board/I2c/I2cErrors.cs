using System.Globalization;
using System.Runtime.InteropServices;

namespace ContactCenter.Board.I2c;

/// <summary>The wording of I2C failures, kept in one place so tests can pin it without a bus.</summary>
internal static class I2cErrors
{
    /// <summary>EBUSY: I2C_SLAVE on an address a kernel driver has bound.</summary>
    public const int Busy = 16;

    /// <summary>The chip as messages name it: <c>0x20 on /dev/i2c-1</c>.</summary>
    public static string DeviceName(string bus, int address) => string.Create(CultureInfo.InvariantCulture, $"0x{address:x2} on {bus}");

    /// <summary>A failed system call: what was being done, then the kernel's reason (strerror of errno).</summary>
    public static I2cException SystemCall(string what, int errno) => new($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    /// <summary>I2C_SLAVE refused because a kernel driver owns the address.</summary>
    public static I2cException AddressBusy(string device) =>
        new($"I2C chip {device} is busy: a kernel driver is bound to that address (unbind it or remove its device-tree overlay)", Busy);

    /// <summary>The adapter cannot do the SMBus transfers the driver uses.</summary>
    public static I2cException MissingFunctions(string bus, ulong missing) =>
        new(string.Create(CultureInfo.InvariantCulture, $"I2C adapter {bus} cannot do SMBus byte-data and I2C-block transfers (functions 0x{missing:x8} missing)"));
}

using System.Globalization;
using ContactCenter.Board.Expander;
using ContactCenter.Board.I2c;

namespace ContactCenter.Board.Tests.Fakes;

/// <summary>
/// An MCP23017 as a register file that behaves like the chip (DS20001952C) for what the driver relies on: power-on
/// registers, sequential transfers, GPIO reading inputs through IPOL and outputs from OLAT, pull-ups holding undriven
/// inputs high, interrupt-on-change against the previous level capturing INTF/INTCAP on the first change of a port,
/// INTA/INTB following their port or, with MIRROR, either; reading INTCAP or GPIO clears the port's interrupt. Modes
/// the driver must not use (BANK = 1, byte mode, DEFVAL compare) throw instead of being imitated.
/// </summary>
internal sealed class FakeMcp23017 : II2cDevice
{
    private const byte Bank = 0x80;
    private const byte Mirror = 0x40;
    private const byte ByteMode = 0x20;
    private const int RegisterCount = 0x16;
    private const int RemoteIoError = 121; // EREMOTEIO: the chip did not acknowledge

    private readonly Lock _lock = new();
    private readonly byte[] _registers = new byte[RegisterCount];
    private ushort _driven;
    private ushort _drivenLevels;
    private ushort _previous;
    private bool _intA;
    private int _failures;
    private TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeMcp23017()
    {
        _registers[(int)Mcp23017Register.IoDirA] = 0xFF;
        _registers[(int)Mcp23017Register.IoDirB] = 0xFF;
    }

    public string Name => "0x20 on /dev/i2c-fake";

    /// <summary>Every byte written, with the register it landed in, in order.</summary>
    public List<(Mcp23017Register Register, byte Value)> Writes { get; } = [];

    /// <summary>How many transfers (reads and writes) were made.</summary>
    public int Transfers { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Called with INTA's new state (true: asserted) whenever it changes: the wire to the host's GPIO line.</summary>
    public Action<bool>? InterruptLine { get; set; }

    /// <summary>Whether INTA is asserted.</summary>
    public bool InterruptAsserted
    {
        get
        {
            lock (_lock)
            {
                return _intA;
            }
        }
    }

    /// <summary>Completes when a transfer failed by <see cref="FailNextTransfers"/> has thrown.</summary>
    public Task FailureThrown => _failed.Task;

    /// <summary>A register's value as the chip holds it.</summary>
    public byte this[Mcp23017Register register]
    {
        get
        {
            lock (_lock)
            {
                return _registers[(int)register];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> transfers fail as a chip that does not answer, changing nothing.</summary>
    public void FailNextTransfers(int count)
    {
        lock (_lock)
        {
            _failures = count;
            _failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>A key to ground on <paramref name="pin"/> goes down: the pin is driven low.</summary>
    public void Press(int pin) => Drive(pin, false);

    /// <summary>The key on <paramref name="pin"/> is let go: nothing drives the pin (the pull-up, if on, holds it high).</summary>
    public void Release(int pin)
    {
        lock (_lock)
        {
            _driven &= (ushort)~(1 << pin);
            InputsChanged();
        }
    }

    /// <summary>Something outside drives input <paramref name="pin"/> to an electrical level.</summary>
    public void Drive(int pin, bool high)
    {
        lock (_lock)
        {
            _driven |= (ushort)(1 << pin);
            _drivenLevels = high ? (ushort)(_drivenLevels | (1 << pin)) : (ushort)(_drivenLevels & ~(1 << pin));
            InputsChanged();
        }
    }

    /// <summary>The electrical level of <paramref name="pin"/>: what an output drives, what an input sees.</summary>
    public bool Level(int pin)
    {
        lock (_lock)
        {
            return (Pins() & (1 << pin)) != 0;
        }
    }

    public void ReadRegisters(byte first, Span<byte> destination)
    {
        lock (_lock)
        {
            Transfer(first, destination.Length, "read");
            CheckSequential(destination.Length);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = Read(first + i);
            }
        }
    }

    public void WriteRegisters(byte first, ReadOnlySpan<byte> values)
    {
        lock (_lock)
        {
            Transfer(first, values.Length, "write");
            CheckSequential(values.Length);
            for (int i = 0; i < values.Length; i++)
            {
                Write(first + i, values[i]);
            }

            InputsChanged();
        }
    }

    public void Dispose() => Disposed = true;

    private static int Port(int register) => register & 1;

    private void Transfer(byte first, int length, string verb)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Transfers++;
        if (_failures > 0)
        {
            _failures--;
            _failed.TrySetResult();
            throw new I2cException(
                string.Create(CultureInfo.InvariantCulture, $"cannot {verb} register 0x{first:x2} of I2C chip {Name}: Remote I/O error"), RemoteIoError);
        }

        if (first + length > RegisterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, "The fake has registers 0x00-0x15 only.");
        }
    }

    private void CheckSequential(int length)
    {
        if (length > 1 && (_registers[(int)Mcp23017Register.IoCon] & ByteMode) != 0)
        {
            throw new NotSupportedException("A multi-byte transfer in byte mode (IOCON.SEQOP = 1) would not advance through registers.");
        }
    }

    private byte Read(int register)
    {
        switch ((Mcp23017Register)register)
        {
            case Mcp23017Register.IntCapA or Mcp23017Register.IntCapB:
                byte captured = _registers[register];
                ClearInterrupt(Port(register));
                return captured;
            case Mcp23017Register.GpioA or Mcp23017Register.GpioB:
                byte port = PortValue(Port(register));
                ClearInterrupt(Port(register));
                return port;
            case (Mcp23017Register)0x0B:
                return _registers[(int)Mcp23017Register.IoCon];
            default:
                return _registers[register];
        }
    }

    private void Write(int register, byte value)
    {
        Writes.Add(((Mcp23017Register)register, value));
        switch ((Mcp23017Register)register)
        {
            case Mcp23017Register.IntFA or Mcp23017Register.IntFB or Mcp23017Register.IntCapA or Mcp23017Register.IntCapB:
                return; // read-only
            case Mcp23017Register.GpioA or Mcp23017Register.GpioB:
                _registers[register + 2] = value; // writing GPIO writes OLAT (§3.5.10)
                return;
            case Mcp23017Register.IoCon or (Mcp23017Register)0x0B:
                if ((value & Bank) != 0)
                {
                    throw new NotSupportedException("The fake models IOCON.BANK = 0 only.");
                }

                _registers[(int)Mcp23017Register.IoCon] = value;
                UpdateInterruptPads();
                return;
            case Mcp23017Register.IntConA or Mcp23017Register.IntConB when value != 0:
                throw new NotSupportedException("The fake models interrupt-on-change against the previous level only (INTCON = 0).");
            default:
                _registers[register] = value;
                return;
        }
    }

    private ushort Pair(Mcp23017Register portA) => (ushort)(_registers[(int)portA] | (_registers[(int)portA + 1] << 8));

    // Electrical levels: outputs drive their latch; inputs see what drives them, else their pull-up, else low.
    private ushort Pins()
    {
        ushort inputs = Pair(Mcp23017Register.IoDirA);
        ushort seen = (ushort)((_drivenLevels & _driven) | (Pair(Mcp23017Register.GpPuA) & ~_driven));
        return (ushort)((seen & inputs) | (Pair(Mcp23017Register.OLatA) & ~inputs));
    }

    // GPIO as read: inputs through IPOL (§3.5.2), outputs as driven.
    private byte PortValue(int port)
    {
        ushort gpio = (ushort)(Pins() ^ (Pair(Mcp23017Register.IPolA) & Pair(Mcp23017Register.IoDirA)));
        return (byte)(gpio >> (8 * port));
    }

    // §3.6.2: an enabled input that differs from its previous level raises its port's interrupt; the first one
    // captures the port in INTCAP and flags the pin in INTF, later ones wait until the interrupt is cleared.
    private void InputsChanged()
    {
        ushort now = Pins();
        ushort changed = (ushort)((now ^ _previous) & Pair(Mcp23017Register.IoDirA) & Pair(Mcp23017Register.GpIntEnA));
        _previous = now;
        for (int port = 0; port < 2; port++)
        {
            byte flags = (byte)(changed >> (8 * port));
            if (flags != 0 && _registers[(int)Mcp23017Register.IntFA + port] == 0)
            {
                _registers[(int)Mcp23017Register.IntFA + port] = flags;
                _registers[(int)Mcp23017Register.IntCapA + port] = PortValue(port);
            }
        }

        UpdateInterruptPads();
    }

    private void ClearInterrupt(int port)
    {
        _registers[(int)Mcp23017Register.IntFA + port] = 0;
        UpdateInterruptPads();
    }

    // §3.6.1.1: INTA signals port A, or either port when IOCON.MIRROR is set.
    private void UpdateInterruptPads()
    {
        bool portA = _registers[(int)Mcp23017Register.IntFA] != 0;
        bool portB = _registers[(int)Mcp23017Register.IntFB] != 0;
        bool intA = portA || ((_registers[(int)Mcp23017Register.IoCon] & Mirror) != 0 && portB);
        if (intA != _intA)
        {
            _intA = intA;
            InterruptLine?.Invoke(intA);
        }
    }
}

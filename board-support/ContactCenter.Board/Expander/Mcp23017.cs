using ContactCenter.Board.I2c;

namespace ContactCenter.Board.Expander;

/// <summary>
/// The Microchip MCP23017 16-bit I/O expander (datasheet DS20001952C) behind an <see cref="II2cDevice"/>: its
/// programming for a set of pins, its port and interrupt reads, and its output latches. Holds no state of its own;
/// <see cref="Mcp23017Lines"/> keeps the output shadow and the input levels. Bit n of every mask is pin n (GPA0-7 are
/// pins 0-7, GPB0-7 pins 8-15); port A is a register's low byte.
/// </summary>
public sealed class Mcp23017
{
    /// <summary>
    /// IOCON as programmed (§3.5.6): BANK = 0 (A/B registers paired, table 3-5), MIRROR = 1 (INTA and INTB both signal
    /// either port, so one host line serves the chip), SEQOP = 0 (sequential transfers advance the register pointer),
    /// ODR = 0 and INTPOL = 0 (INT is a push-pull, active-low output: the host line needs no pull resistor and is
    /// requested active-low, so an interrupt arrives as a logical rising edge).
    /// </summary>
    public const byte IoConfiguration = 0x40;

    private readonly II2cDevice _device;

    /// <summary>Wraps the chip's registers.</summary>
    /// <param name="device">The chip on its bus.</param>
    public Mcp23017(II2cDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    /// <summary>The chip as messages name it.</summary>
    public string Name => _device.Name;

    /// <summary>
    /// Programs the chip for <paramref name="pins"/>: configuration first, then latches before directions (an output
    /// starts at its initial level, no glitch), input polarity, pull-ups, interrupt-on-change against the previous
    /// level, and the interrupt enables last, once everything they depend on is set.
    /// </summary>
    /// <param name="pins">What each pin does.</param>
    /// <param name="interrupts">Whether inputs raise INT (an interrupt line is wired); without it, INT stays idle.</param>
    /// <exception cref="I2cException">A transfer failed.</exception>
    public void Configure(Mcp23017PinMap pins, bool interrupts)
    {
        ArgumentNullException.ThrowIfNull(pins);

        // A chip left in BANK = 1 by earlier software (registers survive until power-off or RESET) has IOCON at 0x05;
        // writing BANK = 0 there brings it back. On a chip already in BANK = 0, 0x05 is GPINTENB, cleared here and
        // programmed below.
        Write(Mcp23017Register.GpIntEnB, 0x00);
        Write(Mcp23017Register.IoCon, IoConfiguration);
        WritePair(Mcp23017Register.OLatA, pins.InitialLatch);
        WritePair(Mcp23017Register.IPolA, pins.InvertedInputs);
        WritePair(Mcp23017Register.GpPuA, pins.PullUps);
        WritePair(Mcp23017Register.DefValA, 0);
        WritePair(Mcp23017Register.IntConA, 0);
        WritePair(Mcp23017Register.IoDirA, (ushort)~pins.Outputs);
        WritePair(Mcp23017Register.GpIntEnA, interrupts ? pins.EdgeInputs : (ushort)0);
    }

    /// <summary>
    /// Reads GPIOA and GPIOB: inputs at their logical level (IPOL applied), outputs as driven. Clears a pending
    /// interrupt (§3.6.1).
    /// </summary>
    /// <exception cref="I2cException">The transfer failed.</exception>
    public ushort ReadPins()
    {
        Span<byte> pins = stackalloc byte[2];
        _device.ReadRegisters((byte)Mcp23017Register.GpioA, pins);
        return Pair(pins);
    }

    /// <summary>
    /// Reads INTF, INTCAP and GPIO of both ports in one sequential transfer. Reading INTCAP clears the interrupt
    /// (§3.5.9); GPIO, read after it, shows what changed since the capture.
    /// </summary>
    /// <exception cref="I2cException">The transfer failed.</exception>
    public Mcp23017Interrupt ReadInterrupt()
    {
        Span<byte> registers = stackalloc byte[6];
        _device.ReadRegisters((byte)Mcp23017Register.IntFA, registers);
        return new Mcp23017Interrupt(Pair(registers), Pair(registers[2..]), Pair(registers[4..]));
    }

    /// <summary>Writes the output latch of the port that holds <paramref name="pin"/> (OLATA or OLATB, §3.5.11).</summary>
    /// <param name="pin">A pin of the port to write.</param>
    /// <param name="latch">The latch of both ports; only the pin's port is written.</param>
    /// <exception cref="I2cException">The transfer failed.</exception>
    public void WriteLatch(int pin, ushort latch)
    {
        bool portB = pin >= 8;
        Write(portB ? Mcp23017Register.OLatB : Mcp23017Register.OLatA, (byte)(portB ? latch >> 8 : latch));
    }

    private static ushort Pair(ReadOnlySpan<byte> registers) => (ushort)(registers[0] | (registers[1] << 8));

    private void Write(Mcp23017Register register, byte value) => _device.WriteRegisters((byte)register, [value]);

    private void WritePair(Mcp23017Register portA, ushort value) => _device.WriteRegisters((byte)portA, [(byte)value, (byte)(value >> 8)]);
}

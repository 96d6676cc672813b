namespace ContactCenter.Board.Expander;

/// <summary>
/// The MCP23017's registers with IOCON.BANK = 0, where each A register is followed by its B twin, so a sequential
/// transfer of two bytes covers both ports (Microchip DS20001952C, table 3-5 and §3.5).
/// </summary>
internal enum Mcp23017Register : byte
{
    /// <summary>§3.5.1: 1 = input (the power-on value), 0 = output.</summary>
    IoDirA = 0x00,

    /// <summary>Port B of <see cref="IoDirA"/>.</summary>
    IoDirB = 0x01,

    /// <summary>§3.5.2: 1 = GPIO and INTCAP show the input pin inverted.</summary>
    IPolA = 0x02,

    /// <summary>Port B of <see cref="IPolA"/>.</summary>
    IPolB = 0x03,

    /// <summary>§3.5.3: 1 = the pin raises interrupt-on-change.</summary>
    GpIntEnA = 0x04,

    /// <summary>
    /// Port B of <see cref="GpIntEnA"/>; also where IOCON sits when IOCON.BANK = 1, which the open sequence uses to
    /// bring a chip left in that mode back to BANK = 0.
    /// </summary>
    GpIntEnB = 0x05,

    /// <summary>§3.5.4: the compare value when INTCON selects it.</summary>
    DefValA = 0x06,

    /// <summary>Port B of <see cref="DefValA"/>.</summary>
    DefValB = 0x07,

    /// <summary>§3.5.5: 0 = interrupt when the pin differs from its previous value, 1 = from DEFVAL.</summary>
    IntConA = 0x08,

    /// <summary>Port B of <see cref="IntConA"/>.</summary>
    IntConB = 0x09,

    /// <summary>§3.5.6: the configuration register (one register seen at two addresses, 0x0A and 0x0B).</summary>
    IoCon = 0x0A,

    /// <summary>§3.5.7: 1 = the input's 100 kΩ pull-up is on.</summary>
    GpPuA = 0x0C,

    /// <summary>Port B of <see cref="GpPuA"/>.</summary>
    GpPuB = 0x0D,

    /// <summary>§3.5.8 (read-only): 1 = this pin caused the pending interrupt.</summary>
    IntFA = 0x0E,

    /// <summary>Port B of <see cref="IntFA"/>.</summary>
    IntFB = 0x0F,

    /// <summary>§3.5.9 (read-only): the port as it was when the interrupt occurred; reading it clears the interrupt.</summary>
    IntCapA = 0x10,

    /// <summary>Port B of <see cref="IntCapA"/>.</summary>
    IntCapB = 0x11,

    /// <summary>§3.5.10: the pins now; reading clears the port's interrupt, writing writes OLAT.</summary>
    GpioA = 0x12,

    /// <summary>Port B of <see cref="GpioA"/>.</summary>
    GpioB = 0x13,

    /// <summary>§3.5.11: the output latches (reads back what was written, not the pins).</summary>
    OLatA = 0x14,

    /// <summary>Port B of <see cref="OLatA"/>.</summary>
    OLatB = 0x15,
}

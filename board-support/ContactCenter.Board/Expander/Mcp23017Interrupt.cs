namespace ContactCenter.Board.Expander;

/// <summary>
/// What one read of an MCP23017 interrupt returns (bit n is pin n): INTFA..GPIOB in one sequential transfer.
/// </summary>
/// <param name="Flags">INTF: the pins that caused the interrupt (zero when none was pending).</param>
/// <param name="Captured">INTCAP: every pin's level when the interrupt occurred; meaningful only when flags are set.</param>
/// <param name="Pins">GPIO: every pin's level now, read after the capture.</param>
public readonly record struct Mcp23017Interrupt(ushort Flags, ushort Captured, ushort Pins);

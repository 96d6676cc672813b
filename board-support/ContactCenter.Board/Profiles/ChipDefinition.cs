namespace ContactCenter.Board.Profiles;

/// <summary>A chip of the board.</summary>
/// <param name="Id">The id lines refer to.</param>
/// <param name="Kind">The device kind.</param>
/// <param name="Device">The device path (<c>/dev/gpiochip0</c>, <c>/dev/i2c-1</c>); null for the simulated board.</param>
/// <param name="Address">The expander's 7-bit I2C address (0x20..0x27); 0 for other kinds.</param>
/// <param name="Interrupt">The GPIO line wired to the expander's INTA/INTB (mirrored), if any.</param>
/// <param name="LineCount">The simulated board's number of lines; 0 for other kinds.</param>
public sealed record ChipDefinition(string Id, ChipKind Kind, string? Device, int Address, LineRef? Interrupt, int LineCount);

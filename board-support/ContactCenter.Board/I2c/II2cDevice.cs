namespace ContactCenter.Board.I2c;

/// <summary>
/// The registers of one chip on an I2C bus, addressed by an 8-bit register number. Implemented over Linux i2c-dev by
/// <see cref="I2cDevice"/>; tests put a register-file fake behind it. Reads and writes of more than one byte use the
/// chip's sequential mode (its register pointer advances after each byte), which the chip must have enabled.
/// </summary>
public interface II2cDevice : IDisposable
{
    /// <summary>The chip as messages name it: <c>0x20 on /dev/i2c-1</c>.</summary>
    string Name { get; }

    /// <summary>Reads <paramref name="destination"/>'s length of registers starting at <paramref name="first"/>.</summary>
    /// <param name="first">The first register.</param>
    /// <param name="destination">Receives the registers' values, 1 to 32 bytes.</param>
    /// <exception cref="I2cException">The transfer failed (the chip did not answer, the bus is stuck).</exception>
    void ReadRegisters(byte first, Span<byte> destination);

    /// <summary>Writes <paramref name="values"/> to the registers starting at <paramref name="first"/>.</summary>
    /// <param name="first">The first register.</param>
    /// <param name="values">The values, 1 to 32 bytes.</param>
    /// <exception cref="I2cException">The transfer failed.</exception>
    void WriteRegisters(byte first, ReadOnlySpan<byte> values);
}

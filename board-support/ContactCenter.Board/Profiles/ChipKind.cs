namespace ContactCenter.Board.Profiles;

/// <summary>What kind of device provides a chip's lines.</summary>
public enum ChipKind
{
    /// <summary>A Linux GPIO character device (<c>/dev/gpiochipN</c>); lines are its offsets.</summary>
    GpioChip,

    /// <summary>An MCP23017 16-bit expander on an i2c-dev bus; lines are its pins 0..15 (GPA0..7 then GPB0..7).</summary>
    Mcp23017,

    /// <summary>The simulated board, for development, tests and the web UI's virtual panel.</summary>
    Simulated,
}

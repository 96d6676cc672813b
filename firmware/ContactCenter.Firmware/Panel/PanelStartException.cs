namespace ContactCenter.Firmware.Panel;

/// <summary>The front panel cannot start: the message names the profile, chip, LED, key or line at fault.</summary>
internal sealed class PanelStartException : Exception
{
    public PanelStartException()
    {
    }

    public PanelStartException(string message)
        : base(message)
    {
    }

    public PanelStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

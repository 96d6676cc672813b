namespace ContactCenter.Media.Endpoints;

/// <summary>How a prompt queued on a <see cref="PromptPlayer"/> ended.</summary>
public enum PromptOutcome
{
    /// <summary>Played to its end.</summary>
    Played,

    /// <summary>Stopped or dropped by <see cref="PromptPlayer.Interrupt"/> (a digit arrived).</summary>
    Interrupted,

    /// <summary>Stopped or dropped by <see cref="PromptPlayer.Clear"/>.</summary>
    Cleared,
}

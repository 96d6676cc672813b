namespace ContactCenter.Media.Prompts;

/// <summary>Which recording a prompt plays in one language.</summary>
public enum PromptState
{
    /// <summary>The default recording generated at build time.</summary>
    Default,

    /// <summary>A recording an administrator uploaded, in place of the default one.</summary>
    Custom,

    /// <summary>No recording in this language (the prompts were not generated): the other language's plays if any.</summary>
    Missing,
}

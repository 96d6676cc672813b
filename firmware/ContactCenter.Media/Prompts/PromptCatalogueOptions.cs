namespace ContactCenter.Media.Prompts;

/// <summary>Where <see cref="PromptCatalogue"/> finds recordings and which language it speaks by default.</summary>
public sealed class PromptCatalogueOptions
{
    /// <summary>
    /// The default recordings, <c>&lt;dir&gt;/&lt;lang&gt;/&lt;key&gt;.wav</c>: the <c>prompts</c> folder the build puts beside
    /// the binaries (read-only on the appliance image).
    /// </summary>
    public string DefaultDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>
    /// The administrator's recordings, same layout, in the data directory (<c>&lt;data&gt;/prompts</c>), kept by backups.
    /// Created when the first recording is uploaded.
    /// </summary>
    public string CustomDirectory { get; set; } = string.Empty;

    /// <summary>The language prompts are spoken in when a caller's language is not known.</summary>
    public PromptLanguage DefaultLanguage { get; set; } = PromptLanguage.French;

    /// <summary>The longest recording an administrator may upload.</summary>
    public TimeSpan MaxRecordingDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="ArgumentException"/> when the settings cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DefaultDirectory) || string.IsNullOrWhiteSpace(CustomDirectory))
        {
            throw new ArgumentException("the default and custom prompt directories must both be set");
        }

        if (!PromptLanguages.All.Contains(DefaultLanguage))
        {
            throw new ArgumentException($"{DefaultLanguage} is not a prompt language");
        }

        if (MaxRecordingDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("the longest recording must be positive");
        }
    }
}

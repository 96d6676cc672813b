namespace ContactCenter.Media.Prompts;

/// <summary>
/// The gender of the word a number counts. French says "un message" but "une minute", "vingt et une secondes";
/// English has one form.
/// </summary>
public enum GrammaticalGender
{
    /// <summary>Masculine, also the form of a number said on its own.</summary>
    Masculine,

    /// <summary>Feminine.</summary>
    Feminine,
}

namespace ContactCenter.Media.Prompts;

/// <summary>
/// Turns numbers, keypad digits, counts and durations into the sequence of prompt keys that says them, played one
/// after the other ("You are caller number" + <see cref="AppendNumber"/> + "in the queue"). Each method appends to
/// the caller's list so that pieces compose into one sentence. Numbers are whole pieces up to 99 ("soixante et onze"
/// is one recording, not three) so that the joined speech sounds natural.
/// </summary>
public static class NumberSpeaker
{
    /// <summary>The largest number that can be spoken.</summary>
    public const int MaxValue = 999_999;

    /// <summary>Appends the keys that say <paramref name="value"/>.</summary>
    /// <param name="keys">Where the keys go.</param>
    /// <param name="value">0 to <see cref="MaxValue"/>.</param>
    /// <param name="language">The language spoken.</param>
    /// <param name="gender">The gender of the counted word; French says "une minute" but "un message".</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxValue"/>.</exception>
    public static void AppendNumber(ICollection<string> keys, int value, PromptLanguage language,
        GrammaticalGender gender = GrammaticalGender.Masculine)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        if (language == PromptLanguage.French)
        {
            FrenchNumbers.Append(keys, value, gender);
        }
        else
        {
            EnglishNumbers.Append(keys, value);
        }
    }

    /// <summary>
    /// Appends the keys that read keypad keys one by one ("one", "two", "three", "hash"), as the <c>*45</c> keypad test
    /// reads back what the caller pressed. The words are language-specific, the keys are not.
    /// </summary>
    /// <param name="keys">Where the keys go.</param>
    /// <param name="digits">DTMF keys: <c>0-9 * # A-D</c> (the set of <see cref="Dtmf.DtmfDigit.Keys"/>).</param>
    /// <exception cref="ArgumentException">A character is not a DTMF key; nothing was appended.</exception>
    public static void AppendDigits(ICollection<string> keys, ReadOnlySpan<char> digits)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (char digit in digits)
        {
            if (NumberPromptKeys.Keypad(digit) is null)
            {
                throw new ArgumentException($"'{digit}' is not a DTMF key (0-9 * # A-D)", nameof(digits));
            }
        }

        foreach (char digit in digits)
        {
            keys.Add(NumberPromptKeys.Keypad(digit)!);
        }
    }

    /// <summary>
    /// Appends a number and the counted word in the right number and gender: "1 new message", "3 new messages",
    /// "une minute", "zéro seconde" (French uses the singular for 0 and 1, English only for 1).
    /// </summary>
    /// <param name="keys">Where the keys go.</param>
    /// <param name="count">0 to <see cref="MaxValue"/>.</param>
    /// <param name="singularKey">The word for one, for example <see cref="PromptKeys.VoicemailNewMessage"/>.</param>
    /// <param name="pluralKey">The word for several, for example <see cref="PromptKeys.VoicemailNewMessages"/>.</param>
    /// <param name="gender">The gender of the word in <paramref name="language"/>.</param>
    /// <param name="language">The language spoken.</param>
    public static void AppendCount(ICollection<string> keys, int count, string singularKey, string pluralKey,
        GrammaticalGender gender, PromptLanguage language)
    {
        AppendNumber(keys, count, language, gender);
        bool singular = language == PromptLanguage.French ? count <= 1 : count == 1;
        keys.Add(singular ? singularKey : pluralKey);
    }

    /// <summary>
    /// Appends a duration in minutes and seconds: "3 minutes", "1 minute and 30 seconds", "une minute et trente
    /// secondes", "45 seconds", "zero seconds". Fractions of a second are dropped; a wait announcement rounds to
    /// whole minutes before calling this.
    /// </summary>
    /// <param name="keys">Where the keys go.</param>
    /// <param name="duration">From zero to <see cref="MaxValue"/> minutes.</param>
    /// <param name="language">The language spoken.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or too long to say.</exception>
    public static void AppendDuration(ICollection<string> keys, TimeSpan duration, PromptLanguage language)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        long totalSeconds = (long)duration.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(totalSeconds / 60, MaxValue, nameof(duration));
        int minutes = (int)(totalSeconds / 60);
        int seconds = (int)(totalSeconds % 60);
        if (minutes > 0)
        {
            // "minute" and "seconde" are feminine in French.
            AppendCount(keys, minutes, PromptKeys.UnitMinute, PromptKeys.UnitMinutes, GrammaticalGender.Feminine, language);
            if (seconds == 0)
            {
                return;
            }

            keys.Add(NumberPromptKeys.And);
        }

        AppendCount(keys, seconds, PromptKeys.UnitSecond, PromptKeys.UnitSeconds, GrammaticalGender.Feminine, language);
    }
}

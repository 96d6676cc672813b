namespace ContactCenter.Media.Prompts;

/// <summary>
/// French numbers as prompt keys, by the traditional rules (Grevisse, Le Bon Usage, numerals):
/// "et" only in 21, 31 … 61 and 71 (a single piece each: "vingt et un", "soixante et onze"; "quatre-vingt-un" has none);
/// "vingt" and "cent" take an s when multiplied and ending the number ("quatre-vingts", "deux cents") but not when
/// another numeral follows, "mille" included ("quatre-vingt mille", "deux cent un", "deux cent mille");
/// "mille" is invariable and never preceded by "un"; "un" agrees with a feminine noun ("une minute",
/// "vingt et une secondes", and before "mille": "vingt et une mille").
/// </summary>
internal static class FrenchNumbers
{
    public static void Append(ICollection<string> keys, int value, GrammaticalGender gender)
    {
        if (value == 0)
        {
            keys.Add(NumberPromptKeys.Number(0));
            return;
        }

        int thousands = value / 1000;
        int rest = value % 1000;
        if (thousands > 1)
        {
            AppendBelowThousand(keys, thousands, gender, beforeMille: true);
        }

        if (thousands > 0)
        {
            keys.Add(NumberPromptKeys.Thousand);
        }

        if (rest > 0)
        {
            AppendBelowThousand(keys, rest, gender, beforeMille: false);
        }
    }

    private static void AppendBelowThousand(ICollection<string> keys, int value, GrammaticalGender gender, bool beforeMille)
    {
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds > 1)
        {
            keys.Add(NumberPromptKeys.Number(hundreds));
        }

        if (hundreds > 0)
        {
            bool plural = hundreds > 1 && rest == 0 && !beforeMille;
            keys.Add(plural ? NumberPromptKeys.Hundreds : NumberPromptKeys.Hundred);
        }

        if (rest == 80 && beforeMille)
        {
            keys.Add(NumberPromptKeys.EightyJoined);
        }
        else if (rest > 0)
        {
            keys.Add(gender == GrammaticalGender.Feminine ? NumberPromptKeys.FeminineNumber(rest) : NumberPromptKeys.Number(rest));
        }
    }
}

namespace ContactCenter.Media.Prompts;

/// <summary>
/// English numbers as prompt keys: "one hundred and fifteen", "twenty-one thousand", "one thousand and one".
/// The "and" after hundreds (and before a final number below 100 after thousands) is the usual British form and is
/// understood everywhere; English has no gender, so one form serves every noun.
/// </summary>
internal static class EnglishNumbers
{
    public static void Append(ICollection<string> keys, int value)
    {
        if (value == 0)
        {
            keys.Add(NumberPromptKeys.Number(0));
            return;
        }

        int thousands = value / 1000;
        int rest = value % 1000;
        if (thousands > 0)
        {
            AppendBelowThousand(keys, thousands);
            keys.Add(NumberPromptKeys.Thousand);
            if (rest is > 0 and < 100)
            {
                keys.Add(NumberPromptKeys.And);
            }
        }

        if (rest > 0)
        {
            AppendBelowThousand(keys, rest);
        }
    }

    private static void AppendBelowThousand(ICollection<string> keys, int value)
    {
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds > 0)
        {
            keys.Add(NumberPromptKeys.Number(hundreds));
            keys.Add(NumberPromptKeys.Hundred);
            if (rest > 0)
            {
                keys.Add(NumberPromptKeys.And);
            }
        }

        if (rest > 0)
        {
            keys.Add(NumberPromptKeys.Number(rest));
        }
    }
}

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// The DTMF keypad of ITU-T Q.23: four low-group (row) and four high-group (column) frequencies, each key the sum of
/// one of each. Shared by the in-band generator and the detector.
/// </summary>
internal static class DtmfFrequencies
{
    /// <summary>Keys in keypad order: row by row, columns 1209, 1336, 1477, 1633 Hz.</summary>
    private const string Keypad = "123A456B789C*0#D";

    /// <summary>The low group (rows): 697, 770, 852, 941 Hz.</summary>
    public static ReadOnlySpan<double> Low => [697, 770, 852, 941];

    /// <summary>The high group (columns): 1209, 1336, 1477, 1633 Hz.</summary>
    public static ReadOnlySpan<double> High => [1209, 1336, 1477, 1633];

    /// <summary>The key at <paramref name="row"/> and <paramref name="column"/> (0–3 each).</summary>
    public static char KeyAt(int row, int column) => Keypad[(row * 4) + column];

    /// <summary>The two frequencies of <paramref name="key"/>; false when it is not a DTMF key.</summary>
    public static bool TryGet(char key, out double low, out double high)
    {
        int index = Keypad.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        if (index < 0)
        {
            low = high = 0;
            return false;
        }

        low = Low[index / 4];
        high = High[index % 4];
        return true;
    }
}

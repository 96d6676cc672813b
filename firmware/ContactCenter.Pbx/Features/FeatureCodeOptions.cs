using System.Buffers;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The numbers that reach the appliance's own applications instead of an extension (configuration section
/// <c>Calls:FeatureCodes</c>). Each starts with <c>*</c>, the feature-code prefix of office PBXs, so that it can never
/// take the number of an extension (extension numbers are digits).
/// </summary>
public sealed class FeatureCodeOptions
{
    private const int MaxLength = 16;
    private static readonly SearchValues<char> Keypad = SearchValues.Create("0123456789*#");

    /// <summary>The echo test (default <c>*43</c>).</summary>
    public string EchoTest { get; set; } = "*43";

    /// <summary>The prompt playback test (default <c>*44</c>).</summary>
    public string PlaybackTest { get; set; } = "*44";

    /// <summary>The DTMF read-back test (default <c>*45</c>).</summary>
    public string DtmfReadbackTest { get; set; } = "*45";

    /// <summary>Throws <see cref="ArgumentException"/> when a code is malformed or two codes are the same.</summary>
    public void Validate()
    {
        Check(EchoTest, nameof(EchoTest));
        Check(PlaybackTest, nameof(PlaybackTest));
        Check(DtmfReadbackTest, nameof(DtmfReadbackTest));
        if (EchoTest == PlaybackTest || EchoTest == DtmfReadbackTest || PlaybackTest == DtmfReadbackTest)
        {
            throw new ArgumentException($"Feature codes must differ: {EchoTest}, {PlaybackTest}, {DtmfReadbackTest}.");
        }
    }

    /// <summary>The application a dialled number starts, if it is one of the codes (compared exactly).</summary>
    public bool TryResolve(string dialled, out FeatureCode code)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        code = default;
        if (dialled == EchoTest)
        {
            code = FeatureCode.EchoTest;
        }
        else if (dialled == PlaybackTest)
        {
            code = FeatureCode.PlaybackTest;
        }
        else if (dialled == DtmfReadbackTest)
        {
            code = FeatureCode.DtmfReadbackTest;
        }
        else
        {
            return false;
        }
        return true;
    }

    // Keypad characters only: what a phone can dial and a SIP URI user part carries (# escaped as %23, RFC 3261 §19.1.2).
    private static void Check(string? code, string name)
    {
        if (code is not ['*', _, ..] || code.Length > MaxLength || code.AsSpan(1).ContainsAnyExcept(Keypad))
        {
            throw new ArgumentException($"Feature code {name} '{code}' must be '*' followed by 1 to {MaxLength - 1} of 0-9, * and #.", name);
        }
    }
}

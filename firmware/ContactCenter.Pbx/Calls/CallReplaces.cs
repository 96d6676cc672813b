namespace ContactCenter.Pbx.Calls;

/// <summary>An RFC 3891 Replaces header: the dialog (Call-ID and tags) a new INVITE takes over.</summary>
/// <param name="CallId">The Call-ID of the dialog replaced.</param>
/// <param name="ToTag">Its to-tag.</param>
/// <param name="FromTag">Its from-tag.</param>
/// <param name="EarlyOnly">Only an early dialog may be replaced (§6.1 early-only).</param>
internal sealed record CallReplaces(string CallId, string ToTag, string FromTag, bool EarlyOnly)
{
    /// <summary>Parses <c>callid;to-tag=…;from-tag=…[;early-only]</c> (§6.1); false when the Call-ID or a tag is missing.</summary>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CallReplaces? replaces)
    {
        replaces = null;
        var parts = value?.Split(';', StringSplitOptions.TrimEntries);
        if (parts is null || parts[0].Length == 0)
        {
            return false;
        }
        string? toTag = null;
        string? fromTag = null;
        var earlyOnly = false;
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals].Trim();
            var text = equals < 0 ? "" : parameter[(equals + 1)..].Trim();
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase))
            {
                toTag = text;
            }
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase))
            {
                fromTag = text;
            }
            else if (name.Equals("early-only", StringComparison.OrdinalIgnoreCase))
            {
                earlyOnly = true;
            }
        }
        if (string.IsNullOrEmpty(toTag) || string.IsNullOrEmpty(fromTag))
        {
            return false;
        }
        replaces = new CallReplaces(parts[0], toTag, fromTag, earlyOnly);
        return true;
    }
}

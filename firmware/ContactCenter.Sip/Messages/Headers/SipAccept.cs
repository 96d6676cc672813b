namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// Content negotiation against Accept headers (RFC 3261 §20.1): <c>type/subtype</c>, <c>type/*</c> and <c>*/*</c>
/// media ranges, parameters (<c>;q=</c>) ignored, comma lists and repeated headers alike.
/// </summary>
public static class SipAccept
{
    /// <summary>
    /// Picks the first of <paramref name="offered"/> (in our order of preference) that the request's Accept headers
    /// allow. A request without Accept takes the first offered type. False when Accept lists none of them.
    /// </summary>
    public static bool TryChoose(SipMessage request, IReadOnlyList<string> offered, out string chosen)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(offered);
        chosen = "";
        if (!request.HasHeader(SipHeaderId.Accept))
        {
            chosen = offered.Count > 0 ? offered[0] : "";
            return offered.Count > 0;
        }
        foreach (var type in offered)
        {
            foreach (var value in request.GetHeaders(SipHeaderId.Accept))
            {
                if (ListAllows(value, type))
                {
                    chosen = type;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>True when the comma list <paramref name="acceptValue"/> has a media range covering <paramref name="mediaType"/>.</summary>
    public static bool ListAllows(string acceptValue, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(acceptValue);
        ArgumentNullException.ThrowIfNull(mediaType);
        foreach (var range in acceptValue.AsSpan().Split(','))
        {
            var text = acceptValue.AsSpan(range);
            var semicolon = text.IndexOf(';');
            if (RangeCovers(semicolon < 0 ? text.Trim() : text[..semicolon].Trim(), mediaType))
            {
                return true;
            }
        }
        return false;
    }

    private static bool RangeCovers(ReadOnlySpan<char> range, string mediaType)
    {
        if (range.SequenceEqual("*/*"))
        {
            return true;
        }
        if (range.EndsWith("/*", StringComparison.Ordinal))
        {
            var prefix = range[..^1];
            return mediaType.AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
        return range.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
    }
}

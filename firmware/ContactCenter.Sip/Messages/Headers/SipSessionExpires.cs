using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// A Session-Expires value (RFC 4028 §4): <c>delta-seconds *( ; se-params )</c> with the optional
/// <c>refresher=uac|uas</c> naming which side refreshes the session.
/// </summary>
/// <param name="Seconds">The session interval.</param>
/// <param name="Refresher">The refresher parameter, null when absent.</param>
public sealed record SipSessionExpires(uint Seconds, SipRefresher? Refresher)
{
    /// <summary>Parses a Session-Expires (or, without parameters, a Min-SE) value; false when malformed. Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipSessionExpires? sessionExpires)
    {
        sessionExpires = null;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var start = SipGrammar.SkipLws(text, 0);
        var digits = text[start..].IndexOfAnyExceptInRange('0', '9');
        var end = digits < 0 ? text.Length : start + digits;
        var parameters = new List<SipParameter>();
        if (end == start || !uint.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !SipGrammar.TryParseParameters(text, end, parameters) || !TryReadRefresher(parameters, out var refresher))
        {
            return false;
        }
        sessionExpires = new SipSessionExpires(seconds, refresher);
        return true;
    }

    /// <summary>The header value, e.g. <c>1800;refresher=uac</c>.</summary>
    public override string ToString() => Refresher switch
    {
        SipRefresher.Uac => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uac"),
        SipRefresher.Uas => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uas"),
        _ => Seconds.ToString(CultureInfo.InvariantCulture),
    };

    private static bool TryReadRefresher(List<SipParameter> parameters, out SipRefresher? refresher)
    {
        var value = SipGrammar.FindParameter(parameters, "refresher");
        refresher = value switch
        {
            null => null,
            _ when value.Equals("uac", StringComparison.OrdinalIgnoreCase) => SipRefresher.Uac,
            _ when value.Equals("uas", StringComparison.OrdinalIgnoreCase) => SipRefresher.Uas,
            _ => null,
        };
        return value is null || refresher is not null;
    }
}

/// <summary>Who refreshes a session (RFC 4028 §4).</summary>
public enum SipRefresher
{
    /// <summary>The side that sent the request that set the interval.</summary>
    Uac,

    /// <summary>The side that answered it.</summary>
    Uas,
}

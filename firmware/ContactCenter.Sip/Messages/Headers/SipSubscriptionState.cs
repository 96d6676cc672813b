using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>
/// A Subscription-State value (RFC 6665 §8.2.3): <c>active;expires=600</c>,
/// <c>terminated;reason=timeout;retry-after=30</c>.
/// </summary>
public sealed class SipSubscriptionState
{
    private SipSubscriptionState(string stateName, SipParameter[] parameters)
    {
        StateName = stateName;
        Parameters = parameters;
        State = stateName.ToUpperInvariant() switch
        {
            "ACTIVE" => SipSubscriptionStateValue.Active,
            "PENDING" => SipSubscriptionStateValue.Pending,
            "TERMINATED" => SipSubscriptionStateValue.Terminated,
            _ => SipSubscriptionStateValue.Extension,
        };
    }

    /// <summary>Builds a Subscription-State value.</summary>
    /// <param name="state">active, pending or terminated.</param>
    /// <param name="expires">Remaining seconds (active/pending), or null.</param>
    /// <param name="reason">Termination reason token (deactivated, probation, rejected, timeout, giveup, noresource, invariant), or null.</param>
    /// <param name="retryAfter">Seconds before retrying, or null.</param>
    /// <exception cref="ArgumentException">A value is out of range or not a token.</exception>
    public SipSubscriptionState(SipSubscriptionStateValue state, int? expires = null, string? reason = null, int? retryAfter = null)
        : this(state switch
        {
            SipSubscriptionStateValue.Active => "active",
            SipSubscriptionStateValue.Pending => "pending",
            SipSubscriptionStateValue.Terminated => "terminated",
            _ => throw new ArgumentException("Use a known state.", nameof(state)),
        }, BuildParameters(expires, reason, retryAfter))
    {
    }

    /// <summary>The state as a known value.</summary>
    public SipSubscriptionStateValue State { get; }

    /// <summary>The substate-value as written.</summary>
    public string StateName { get; }

    /// <summary>The expires parameter in seconds (saturating), or null.</summary>
    public int? Expires => SipGrammar.TryParseDeltaSeconds(GetParameter("expires"), out var s) ? s : null;

    /// <summary>The reason parameter, or null.</summary>
    public string? Reason => GetParameter("reason");

    /// <summary>The retry-after parameter in seconds (saturating), or null.</summary>
    public int? RetryAfter => SipGrammar.TryParseDeltaSeconds(GetParameter("retry-after"), out var s) ? s : null;

    /// <summary>All parameters in order.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>Parses a Subscription-State value; false when malformed (including a non-numeric expires or retry-after). Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipSubscriptionState? state)
    {
        state = null;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var pos = SipGrammar.SkipLws(text, 0);
        var end = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        var parameters = new List<SipParameter>();
        if (end == pos || !SipGrammar.TryParseParameters(text, end, parameters))
        {
            return false;
        }
        foreach (var (name, paramValue) in parameters)
        {
            var valid = name.ToUpperInvariant() switch
            {
                "EXPIRES" or "RETRY-AFTER" => SipGrammar.TryParseDeltaSeconds(paramValue, out _),
                "REASON" => SipGrammar.IsToken(paramValue),
                _ => true,
            };
            if (!valid)
            {
                return false;
            }
        }
        state = new SipSubscriptionState(text[pos..end].ToString(), [.. parameters]);
        return true;
    }

    /// <summary>The header value, e.g. <c>terminated;reason=timeout</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(StateName);
        SipGrammar.AppendParameters(builder, Parameters);
        return builder.ToString();
    }

    private static SipParameter[] BuildParameters(int? expires, string? reason, int? retryAfter)
    {
        var list = new List<SipParameter>(3);
        if (reason is not null)
        {
            if (!SipGrammar.IsToken(reason))
            {
                throw new ArgumentException("A reason is a token.", nameof(reason));
            }
            list.Add(new SipParameter("reason", reason));
        }
        if (expires is { } e)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(e, nameof(expires));
            list.Add(new SipParameter("expires", e.ToString(CultureInfo.InvariantCulture)));
        }
        if (retryAfter is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(retryAfter));
            list.Add(new SipParameter("retry-after", r.ToString(CultureInfo.InvariantCulture)));
        }
        return [.. list];
    }
}

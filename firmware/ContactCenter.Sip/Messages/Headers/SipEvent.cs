using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>An Event header value (RFC 6665 §8.2.1): <c>event-type *( ; event-param )</c>, e.g. <c>dialog;id=1</c>.</summary>
public sealed class SipEvent
{
    /// <summary>Builds an Event value.</summary>
    /// <param name="eventType">The event type (<c>presence</c>, <c>dialog</c>, <c>message-summary</c>, <c>refer</c>, <c>presence.winfo</c>…).</param>
    /// <param name="id">The id parameter, or null.</param>
    /// <param name="parameters">Other parameters.</param>
    /// <exception cref="ArgumentException">A part is not a token.</exception>
    public SipEvent(string eventType, string? id = null, IEnumerable<SipParameter>? parameters = null)
    {
        EventType = eventType;
        Parameters = id is null ? parameters?.ToArray() ?? [] : [new SipParameter("id", id), .. parameters ?? []];
        if (!SipGrammar.IsToken(eventType) || (id is not null && !SipGrammar.IsToken(id)) || Parameters.Any(p => !SipGrammar.IsToken(p.Name)))
        {
            throw new ArgumentException("Event type, id and parameter names are tokens.");
        }
    }

    private SipEvent(string eventType, SipParameter[] parameters, bool _)
    {
        EventType = eventType;
        Parameters = parameters;
    }

    /// <summary>The full event type, package plus templates (<c>presence.winfo</c>).</summary>
    public string EventType { get; }

    /// <summary>The event package: the event type up to the first dot (<c>presence</c>).</summary>
    public string Package
    {
        get
        {
            var dot = EventType.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? EventType : EventType[..dot];
        }
    }

    /// <summary>The id parameter, or null.</summary>
    public string? Id => GetParameter("id");

    /// <summary>All parameters in order, including id.</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive): its value, <c>""</c> for a flag, null when absent.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>
    /// True when this Event matches <paramref name="other"/> for subscription matching (RFC 6665
    /// §8.2.1, §4.4.1): same event type and same id (or both without id), compared as written.
    /// </summary>
    public bool Matches(SipEvent? other) =>
        other is not null
        && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
        && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <summary>Parses an Event value; false when malformed. Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipEvent? sipEvent)
    {
        sipEvent = null;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var pos = SipGrammar.SkipLws(text, 0);
        var end = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        var eventType = text[pos..end];
        var parameters = new List<SipParameter>();
        // event-package = token-nodot, templates follow after dots: no empty label.
        if (eventType.IsEmpty || eventType[0] == '.' || eventType[^1] == '.' || eventType.Contains("..", StringComparison.Ordinal)
            || !SipGrammar.TryParseParameters(text, end, parameters))
        {
            return false;
        }
        var id = SipGrammar.FindParameter(parameters, "id");
        if (id is not null && !SipGrammar.IsToken(id))
        {
            return false;
        }
        sipEvent = new SipEvent(eventType.ToString(), [.. parameters], false);
        return true;
    }

    /// <summary>The header value, e.g. <c>dialog;id=7</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(EventType);
        SipGrammar.AppendParameters(builder, Parameters);
        return builder.ToString();
    }
}

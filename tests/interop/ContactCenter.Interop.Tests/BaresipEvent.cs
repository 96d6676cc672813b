using System.Text.Json;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// One event baresip's <c>ctrl_tcp</c> module reports, e.g. <c>{"event":true,"class":"call","type":"CALL_CLOSED",
/// "param":"486 Busy Here","accountaor":"sip:201@127.0.0.1:5060","direction":"outgoing","peeruri":"sip:...","id":"..."}</c>.
/// </summary>
/// <param name="Class">register, call, other…</param>
/// <param name="Type">REGISTER_OK, REGISTER_FAIL, CALL_INCOMING, CALL_RINGING, CALL_ESTABLISHED, CALL_RTPESTAB, CALL_CLOSED…</param>
/// <param name="Param">The detail: a SIP status line for failures (<c>401 Unauthorized</c>, <c>486 Busy Here</c>), a reason
/// such as <c>Connection reset by user</c> for local hang-ups, the peer URI for call progress.</param>
/// <param name="AccountAor">The account's address of record.</param>
/// <param name="Direction">incoming or outgoing, for call events.</param>
/// <param name="PeerUri">The other party, for call events.</param>
/// <param name="CallId">baresip's call id (not the SIP Call-ID), for call events.</param>
/// <param name="Json">The event as received.</param>
public sealed record BaresipEvent(
    string Class, string Type, string? Param, string? AccountAor, string? Direction, string? PeerUri, string? CallId, string Json)
{
    /// <summary>The SIP status code at the start of <see cref="Param"/> (<c>486 Busy Here</c> → 486), or null.</summary>
    public int? StatusCode =>
        Param is { Length: >= 3 } p && int.TryParse(p.AsSpan(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
        && (p.Length == 3 || p[3] == ' ')
            ? code
            : null;

    /// <summary>Reads an event object; null for anything else (responses).</summary>
    public static BaresipEvent? TryParse(JsonElement message, string json)
    {
        if (!message.TryGetProperty("event", out var flag) || flag.ValueKind != JsonValueKind.True)
        {
            return null;
        }

        return new BaresipEvent(
            Text(message, "class") ?? "",
            Text(message, "type") ?? "",
            Text(message, "param"),
            Text(message, "accountaor"),
            Text(message, "direction"),
            Text(message, "peeruri"),
            Text(message, "id"),
            json);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Param}".TrimEnd();

    private static string? Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

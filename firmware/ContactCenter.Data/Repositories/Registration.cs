namespace ContactCenter.Data.Repositories;

/// <summary>A persisted contact binding (RFC 3261 §10), so that a restart keeps phones reachable until they expire.</summary>
/// <param name="ExtensionNumber">The address-of-record's user part (the extension number).</param>
/// <param name="ContactUri">The Contact URI as registered; with the extension it is the binding's key.</param>
/// <param name="ReceivedAddress">The source address the REGISTER came from (NAT: where to send requests).</param>
/// <param name="ReceivedPort">The source port (rport).</param>
/// <param name="Transport">udp, tcp, tls, ws, wss.</param>
/// <param name="InstanceId">The <c>+sip.instance</c> value (RFC 5626), if any.</param>
/// <param name="ExpiresAt">When the binding expires (UTC).</param>
/// <param name="CallId">The REGISTER's Call-ID.</param>
/// <param name="CSeq">The REGISTER's CSeq number.</param>
/// <param name="UserAgent">The User-Agent header, if any.</param>
/// <param name="Path">The Path header values (RFC 3327), comma-separated, if any.</param>
public sealed record Registration(
    string ExtensionNumber,
    string ContactUri,
    string ReceivedAddress,
    int ReceivedPort,
    string Transport,
    string? InstanceId,
    DateTimeOffset ExpiresAt,
    string CallId,
    long CSeq,
    string? UserAgent,
    string? Path);

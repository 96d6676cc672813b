using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>Identifies a transaction for matching (RFC 3261 §17.1.3, §17.2.3).</summary>
/// <param name="Value">The composed key.</param>
public readonly record struct SipTransactionKey(string Value)
{
    private const string MagicCookie = "z9hG4bK";

    /// <summary>
    /// The server-side key of a request: branch + sent-by + method (ACK and CANCEL map onto INVITE when
    /// <paramref name="asInvite"/>), or the RFC 2543 fallback of §17.2.3 when the branch lacks the magic cookie or has nothing after it.
    /// </summary>
    public static SipTransactionKey ForServer(SipMessage request, bool asInvite = false)
    {
        var via = request.TopVia;
        var method = asInvite || request.Method == SipMethod.Ack ? "INVITE" : request.MethodName;
        // RFC 4475 §3.2.1 (badbranch): a branch that is the bare magic cookie carries no identifier; fall back to the
        // RFC 2543 key rather than letting every such request from one sent-by share a transaction.
        if (via.Branch is { } branch && branch.Length > MagicCookie.Length && branch.StartsWith(MagicCookie, StringComparison.Ordinal))
        {
            return new($"{branch}|{via.Host}:{via.Port}|{method}");
        }
        // RFC 2543 peers: Request-URI, From tag, Call-ID, CSeq number and top Via identify the transaction.
        // The To tag is left out so that the ACK (which carries the tag of our response) matches its INVITE.
        return new($"2543|{request.RequestUriText}|{request.From.Tag}|{request.CallId}|{request.CSeq.Number}|{via}|{method}");
    }

    /// <summary>The client-side key of a response or of the request that created the transaction: branch + CSeq method (§17.1.3).</summary>
    public static SipTransactionKey ForClient(SipMessage message) =>
        new($"{message.TopVia.Branch}|{message.CSeq.MethodName}");

    /// <summary>The client-side key for a branch and method.</summary>
    public static SipTransactionKey ForClient(string branch, string method) => new($"{branch}|{method}");
}

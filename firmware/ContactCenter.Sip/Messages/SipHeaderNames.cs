using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>The one table of header names: canonical spellings, compact forms (RFC 3261 §7.3.3, §20) and case-insensitive lookup.</summary>
public static class SipHeaderNames
{
    private static readonly (SipHeaderId Id, string Name, char Compact)[] Table =
    [
        (SipHeaderId.Via, "Via", 'v'),
        (SipHeaderId.From, "From", 'f'),
        (SipHeaderId.To, "To", 't'),
        (SipHeaderId.CallId, "Call-ID", 'i'),
        (SipHeaderId.CSeq, "CSeq", '\0'),
        (SipHeaderId.MaxForwards, "Max-Forwards", '\0'),
        (SipHeaderId.Contact, "Contact", 'm'),
        (SipHeaderId.Route, "Route", '\0'),
        (SipHeaderId.RecordRoute, "Record-Route", '\0'),
        (SipHeaderId.ContentType, "Content-Type", 'c'),
        (SipHeaderId.ContentLength, "Content-Length", 'l'),
        (SipHeaderId.ContentEncoding, "Content-Encoding", 'e'),
        (SipHeaderId.Expires, "Expires", '\0'),
        (SipHeaderId.MinExpires, "Min-Expires", '\0'),
        (SipHeaderId.Authorization, "Authorization", '\0'),
        (SipHeaderId.WwwAuthenticate, "WWW-Authenticate", '\0'),
        (SipHeaderId.ProxyAuthenticate, "Proxy-Authenticate", '\0'),
        (SipHeaderId.ProxyAuthorization, "Proxy-Authorization", '\0'),
        (SipHeaderId.Allow, "Allow", '\0'),
        (SipHeaderId.Accept, "Accept", '\0'),
        (SipHeaderId.Supported, "Supported", 'k'),
        (SipHeaderId.Require, "Require", '\0'),
        (SipHeaderId.ProxyRequire, "Proxy-Require", '\0'),
        (SipHeaderId.Unsupported, "Unsupported", '\0'),
        (SipHeaderId.Event, "Event", 'o'),
        (SipHeaderId.AllowEvents, "Allow-Events", 'u'),
        (SipHeaderId.SubscriptionState, "Subscription-State", '\0'),
        (SipHeaderId.ReferTo, "Refer-To", 'r'),
        (SipHeaderId.ReferredBy, "Referred-By", 'b'),
        (SipHeaderId.Replaces, "Replaces", '\0'),
        (SipHeaderId.Reason, "Reason", '\0'),
        (SipHeaderId.Subject, "Subject", 's'),
        (SipHeaderId.SessionExpires, "Session-Expires", 'x'),
        (SipHeaderId.MinSE, "Min-SE", '\0'),
        (SipHeaderId.UserAgent, "User-Agent", '\0'),
        (SipHeaderId.Server, "Server", '\0'),
        (SipHeaderId.Timestamp, "Timestamp", '\0'),
        (SipHeaderId.Path, "Path", '\0'),
        (SipHeaderId.AcceptContact, "Accept-Contact", 'a'),
        (SipHeaderId.RejectContact, "Reject-Contact", 'j'),
        (SipHeaderId.RequestDisposition, "Request-Disposition", 'd'),
        (SipHeaderId.Identity, "Identity", 'y'),
        (SipHeaderId.RetryAfter, "Retry-After", '\0'),
    ];

    private static readonly string[] CanonicalById = BuildCanonical();
    private static readonly SipHeaderId[] CompactById = BuildCompact();
    private static readonly (SipHeaderId Id, byte[] Name)[][] ByLength = BuildByLength();

    /// <summary>The canonical spelling of a known header (e.g. <c>Call-ID</c>).</summary>
    public static string ToName(this SipHeaderId id) => CanonicalById[(int)id];

    /// <summary>Resolves a header name, long or compact, case-insensitively; unknown names give <see cref="SipHeaderId.Unknown"/>.</summary>
    public static SipHeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = (byte)(name[0] | 0x20);
            return c < CompactById.Length ? CompactById[c] : SipHeaderId.Unknown;
        }
        if (name.Length >= ByLength.Length)
        {
            return SipHeaderId.Unknown;
        }
        foreach (var (id, candidate) in ByLength[name.Length])
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return id;
            }
        }
        return SipHeaderId.Unknown;
    }

    /// <summary>Resolves a header name, long or compact, case-insensitively.</summary>
    public static SipHeaderId Lookup(string name)
    {
        Span<byte> buffer = stackalloc byte[64];
        return name.Length <= buffer.Length && Ascii.FromUtf16(name, buffer, out var written) == System.Buffers.OperationStatus.Done
            ? Lookup(buffer[..written])
            : SipHeaderId.Unknown;
    }

    private static string[] BuildCanonical()
    {
        var names = new string[Enum.GetValues<SipHeaderId>().Length];
        names[0] = "";
        foreach (var (id, name, _) in Table)
        {
            names[(int)id] = name;
        }
        return names;
    }

    private static SipHeaderId[] BuildCompact()
    {
        var compact = new SipHeaderId[128];
        foreach (var (id, _, c) in Table)
        {
            if (c != '\0')
            {
                compact[c] = id;
            }
        }
        return compact;
    }

    private static (SipHeaderId, byte[])[][] BuildByLength()
    {
        var max = Table.Max(e => e.Name.Length);
        var lists = new List<(SipHeaderId, byte[])>[max + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }
        foreach (var (id, name, _) in Table)
        {
            lists[name.Length].Add((id, Encoding.ASCII.GetBytes(name)));
        }
        return Array.ConvertAll(lists, l => l.ToArray());
    }
}

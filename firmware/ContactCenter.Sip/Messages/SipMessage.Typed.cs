using System.Text;
using ContactCenter.Sip.Messages.Headers;

namespace ContactCenter.Sip.Messages;

// Typed views of the headers the stack needs. The mandatory ones (Via, From, To, Call-ID, CSeq)
// are parsed and validated by SipMessageParser, so on a message that parsed Ok they never fail.
public sealed partial class SipMessage
{
    private string? _requestUriText;
    private SipUri? _requestUri;
    private bool _requestUriParsed;
    private string? _reason;
    private List<SipVia>? _vias;
    private SipNameAddress? _from;
    private SipNameAddress? _to;
    private SipCSeq? _cseq;
    private List<SipNameAddress>? _contacts;

    /// <summary>Every Via value, top first, across all Via header fields.</summary>
    public IReadOnlyList<SipVia> Vias => _vias ?? (TryParseVias(out var vias) ? vias : throw Malformed(SipHeaderId.Via));

    /// <summary>The topmost Via value.</summary>
    public SipVia TopVia => Vias[0];

    /// <summary>The From header.</summary>
    public SipNameAddress From => _from ??= ParseNameAddress(SipHeaderId.From);

    /// <summary>The To header.</summary>
    public SipNameAddress To => _to ??= ParseNameAddress(SipHeaderId.To);

    /// <summary>The Call-ID.</summary>
    public string CallId => GetHeader(SipHeaderId.CallId) ?? throw Malformed(SipHeaderId.CallId);

    /// <summary>The CSeq.</summary>
    public SipCSeq CSeq => _cseq ??= SipCSeq.TryParse(GetHeader(SipHeaderId.CSeq) ?? "", out var cseq) ? cseq : throw Malformed(SipHeaderId.CSeq);

    /// <summary>Max-Forwards, or null when absent.</summary>
    public int? MaxForwards => ReadNumber(SipHeaderId.MaxForwards, out var value) ? (int)Math.Min(value, int.MaxValue) : null;

    /// <summary>Expires as delta-seconds (saturated at 2^32-1, RFC 3261 §20.19), or null when absent.</summary>
    public uint? Expires => ReadNumber(SipHeaderId.Expires, out var value) ? value : null;

    /// <summary>Content-Type as written, or null.</summary>
    public string? ContentType => GetHeader(SipHeaderId.ContentType);

    /// <summary>True when the message carries <c>Contact: *</c> (RFC 3261 §10.2.2).</summary>
    public bool IsContactWildcard
    {
        get
        {
            var index = IndexOf(SipHeaderId.Contact, 0);
            return index >= 0 && RawValue(index) is [(byte)'*'];
        }
    }

    /// <summary>The Contact values across all Contact fields; false when one is malformed or is <c>*</c>.</summary>
    public bool TryGetContacts(out IReadOnlyList<SipNameAddress> contacts)
    {
        if (_contacts is null)
        {
            if (!TryParseAddressList(SipHeaderId.Contact, out var parsed))
            {
                contacts = [];
                return false;
            }
            _contacts = parsed;
        }
        contacts = _contacts;
        return true;
    }

    /// <summary>The values of a list of name-addrs (Route, Record-Route, Path, Contact) across all its fields, in order; false when one is malformed.</summary>
    public bool TryParseAddressList(SipHeaderId id, out List<SipNameAddress> addresses)
    {
        addresses = [];
        for (var i = IndexOf(id, 0); i >= 0; i = IndexOf(id, i + 1))
        {
            if (!SipNameAddress.TryParseList(GetValue(i), addresses))
            {
                return false;
            }
        }
        return true;
    }

    internal bool TryParseVias(out List<SipVia> vias)
    {
        vias = [];
        Span<char> scratch = stackalloc char[ScratchChars];
        for (var i = IndexOf(SipHeaderId.Via, 0); i >= 0; i = IndexOf(SipHeaderId.Via, i + 1))
        {
            if (!SipVia.TryParseListValue(ValueChars(i, scratch), vias))
            {
                return false;
            }
        }
        if (vias.Count == 0)
        {
            return false;
        }
        _vias = vias;
        return true;
    }

    // Parses From and To; returns the id of the first that is malformed, or Unknown when both parse.
    internal SipHeaderId TryParseFromTo()
    {
        Span<char> scratch = stackalloc char[ScratchChars];
        if (!SipNameAddress.TryParseValue(ValueChars(IndexOf(SipHeaderId.From, 0), scratch), out var from))
        {
            return SipHeaderId.From;
        }
        if (!SipNameAddress.TryParseValue(ValueChars(IndexOf(SipHeaderId.To, 0), scratch), out var to))
        {
            return SipHeaderId.To;
        }
        _from = from;
        _to = to;
        return SipHeaderId.Unknown;
    }

    internal bool TryParseCSeq()
    {
        Span<char> scratch = stackalloc char[ScratchChars];
        if (SipCSeq.TryParseValue(ValueChars(IndexOf(SipHeaderId.CSeq, 0), scratch), out var cseq))
        {
            _cseq = cseq;
            return true;
        }
        return false;
    }

    private const int ScratchChars = 512;

    // A header value as chars for a typed parse, without creating (and caching) its string: header strings stay
    // lazy (STYLE §6). Short unfolded values are decoded into the caller's stack scratch; folded or long values,
    // or a value already read, come from the cached string. An absent header (index -1) gives an empty value.
    private ReadOnlySpan<char> ValueChars(int index, Span<char> scratch)
    {
        if (index < 0)
        {
            return [];
        }
        if (_values?[index] is { } cached)
        {
            return cached;
        }
        ThrowIfDisposed();
        ref readonly var entry = ref _headers[index];
        if (entry.Folded || entry.ValueLength > scratch.Length)
        {
            return GetValue(index);
        }
        // UTF-8 never gives more chars than bytes, so the scratch is large enough; same decoding as GetValue.
        var count = Encoding.UTF8.GetChars(_buffer.AsSpan(entry.ValueStart, entry.ValueLength), scratch);
        return scratch[..count];
    }

    // 1*DIGIT, saturating at 2^32-1; false when absent. Syntax is checked by the parser.
    internal bool ReadNumber(SipHeaderId id, out uint value)
    {
        value = 0;
        var index = IndexOf(id, 0);
        if (index < 0)
        {
            return false;
        }
        ulong n = 0;
        foreach (var b in RawValue(index))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            n = Math.Min(n * 10 + (uint)(b - '0'), uint.MaxValue);
        }
        value = (uint)n;
        return true;
    }

    private SipUri? ParseRequestUri()
    {
        _requestUri = SipUri.TryParse(RequestUriText, out var uri) ? uri : null;
        _requestUriParsed = true;
        return _requestUri;
    }

    private SipNameAddress ParseNameAddress(SipHeaderId id) =>
        SipNameAddress.TryParse(GetHeader(id) ?? "", out var address) ? address : throw Malformed(id);

    private static InvalidOperationException Malformed(SipHeaderId id) =>
        new($"The message has no valid {id.ToName()} header; it did not pass SipMessageParser validation.");
}

using System.Buffers;
using System.Text;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// A parsed SIP request or response (RFC 3261 §7). The message owns one pooled copy of its bytes;
/// headers are kept as ranges into it, in order, and turned into strings only when read (then cached).
/// Typed views of the headers the stack needs are parsed on first use.
/// </summary>
/// <remarks>
/// Disposing returns the pooled buffers; a message that is never disposed is simply collected.
/// Strings and typed values already read stay valid after disposal; reading new ones throws.
/// </remarks>
public sealed partial class SipMessage : IDisposable
{
    private byte[] _buffer;
    private readonly int _length;
    private HeaderEntry[] _headers;
    private readonly int _headerCount;
    private string?[]? _values;
    private readonly StartLine _start;
    private readonly int _bodyStart;
    private readonly int _bodyLength;
    private bool _disposed;

    internal SipMessage(byte[] buffer, int length, in StartLine start, HeaderEntry[] headers, int headerCount, int bodyStart, int bodyLength)
    {
        _buffer = buffer;
        _length = length;
        _start = start;
        _headers = headers;
        _headerCount = headerCount;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
    }

    /// <summary>True for a request, false for a response.</summary>
    public bool IsRequest => _start.IsRequest;

    /// <summary>The request method; for a response, the method of its CSeq.</summary>
    public SipMethod Method => IsRequest ? _start.Method : CSeq.Method;

    /// <summary>The method token exactly as sent (extension methods included); for a response, the CSeq method.</summary>
    public string MethodName => IsRequest ? _start.MethodName : CSeq.MethodName;

    /// <summary>The Request-URI as written; empty for a response.</summary>
    public string RequestUriText => _requestUriText ??= IsRequest ? Decode(_start.UriStart, _start.UriLength) : "";

    /// <summary>The Request-URI when its scheme is sip, sips or tel; null otherwise (RFC 3261 §8.2.2.1: 416).</summary>
    public SipUri? RequestUri => _requestUriParsed ? _requestUri : ParseRequestUri();

    /// <summary>The status code of a response; 0 for a request.</summary>
    public int StatusCode => _start.StatusCode;

    /// <summary>The reason phrase of a response (may be empty); empty for a request.</summary>
    public string ReasonPhrase => _reason ??= IsRequest ? "" : Decode(_start.ReasonStart, _start.ReasonLength);

    /// <summary>Where the message came from, set by the transport ingress; null for messages built locally.</summary>
    public SipPeer? Source { get; set; }

    /// <summary>The body bytes (may be empty).</summary>
    public ReadOnlyMemory<byte> Body
    {
        get
        {
            ThrowIfDisposed();
            return _buffer.AsMemory(_bodyStart, _bodyLength);
        }
    }

    /// <summary>The number of header fields (lines after unfolding).</summary>
    public int HeaderCount => _headerCount;

    /// <summary>The header field at <paramref name="index"/>, in received order.</summary>
    public SipHeader GetHeaderAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_headerCount, nameof(index));
        ref readonly var entry = ref _headers[index];
        return new SipHeader(entry.Id, DecodeName(entry), GetValue(index));
    }

    /// <summary>All header fields in received order.</summary>
    public IEnumerable<SipHeader> Headers
    {
        get
        {
            for (var i = 0; i < _headerCount; i++)
            {
                yield return GetHeaderAt(i);
            }
        }
    }

    /// <summary>The value of the first header field of that kind, or null.</summary>
    public string? GetHeader(SipHeaderId id)
    {
        var index = IndexOf(id, 0);
        return index < 0 ? null : GetValue(index);
    }

    /// <summary>The value of the first header field with that name (long or compact, any case), or null.</summary>
    public string? GetHeader(string name)
    {
        var index = IndexOf(name, 0);
        return index < 0 ? null : GetValue(index);
    }

    /// <summary>The values of every header field of that kind, one per field, in order (comma lists are not split).</summary>
    public IEnumerable<string> GetHeaders(SipHeaderId id)
    {
        for (var i = IndexOf(id, 0); i >= 0; i = IndexOf(id, i + 1))
        {
            yield return GetValue(i);
        }
    }

    /// <summary>The values of every header field with that name, one per field, in order.</summary>
    public IEnumerable<string> GetHeaders(string name)
    {
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            yield return GetValue(i);
        }
    }

    /// <summary>True when at least one header field of that kind is present.</summary>
    public bool HasHeader(SipHeaderId id) => IndexOf(id, 0) >= 0;

    /// <summary>How many header fields of that kind are present.</summary>
    public int CountHeaders(SipHeaderId id)
    {
        var count = 0;
        for (var i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<HeaderEntry>.Shared.Return(_headers);
        _buffer = [];
        _headers = [];
    }

    internal ReadOnlySpan<byte> RawValue(int index)
    {
        ThrowIfDisposed();
        ref readonly var entry = ref _headers[index];
        return _buffer.AsSpan(entry.ValueStart, entry.ValueLength);
    }

    internal ReadOnlySpan<byte> Raw => _buffer.AsSpan(0, _length);

    internal int IndexOf(SipHeaderId id, int from)
    {
        for (var i = from; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                return i;
            }
        }
        return -1;
    }

    private int IndexOf(string name, int from)
    {
        var id = SipHeaderNames.Lookup(name);
        if (id != SipHeaderId.Unknown)
        {
            return IndexOf(id, from);
        }
        ThrowIfDisposed();
        for (var i = from; i < _headerCount; i++)
        {
            ref readonly var entry = ref _headers[i];
            if (entry.Id == SipHeaderId.Unknown && Ascii.EqualsIgnoreCase(_buffer.AsSpan(entry.NameStart, entry.NameLength), name))
            {
                return i;
            }
        }
        return -1;
    }

    internal string GetValue(int index)
    {
        _values ??= new string?[_headerCount];
        return _values[index] ??= DecodeValue(index);
    }

    private string DecodeValue(int index)
    {
        ThrowIfDisposed();
        ref readonly var entry = ref _headers[index];
        var raw = _buffer.AsSpan(entry.ValueStart, entry.ValueLength);
        return entry.Folded ? Unfold(raw) : Encoding.UTF8.GetString(raw);
    }

    private string DecodeName(in HeaderEntry entry)
    {
        ThrowIfDisposed();
        return entry.Id != SipHeaderId.Unknown && entry.NameLength == entry.Id.ToName().Length
            ? entry.Id.ToName()
            : Encoding.ASCII.GetString(_buffer.AsSpan(entry.NameStart, entry.NameLength));
    }

    private string Decode(int start, int length)
    {
        ThrowIfDisposed();
        return Encoding.UTF8.GetString(_buffer.AsSpan(start, length));
    }

    // RFC 3261 §7.3.1: a folded line (CRLF followed by SP or HT) is equivalent to one SP.
    private static string Unfold(ReadOnlySpan<byte> raw)
    {
        var copy = raw.Length <= 1024 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                while (n > 0 && copy[n - 1] is (byte)' ' or (byte)'\t')
                {
                    n--;
                }
                while (i + 1 < raw.Length && raw[i + 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                {
                    i++;
                }
                // A value that starts on a continuation line ("Contact:" CRLF SP "<sip:...>", RFC 4475 §3.1.1.3)
                // has no leading space: the LWS after the colon is not part of the value (§7.3.1); nor does a
                // stray CR or LF at its very end leave a trailing one.
                if (n > 0 && i + 1 < raw.Length)
                {
                    copy[n++] = (byte)' ';
                }
                continue;
            }
            copy[n++] = b;
        }
        return Encoding.UTF8.GetString(copy[..n]);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    internal struct HeaderEntry
    {
        public SipHeaderId Id;
        public bool Folded;
        public int NameStart;
        public int NameLength;
        public int ValueStart;
        public int ValueLength;
    }

    internal readonly struct StartLine
    {
        public bool IsRequest { get; init; }
        public SipMethod Method { get; init; }
        public string MethodName { get; init; }
        public int UriStart { get; init; }
        public int UriLength { get; init; }
        public int StatusCode { get; init; }
        public int ReasonStart { get; init; }
        public int ReasonLength { get; init; }
    }
}

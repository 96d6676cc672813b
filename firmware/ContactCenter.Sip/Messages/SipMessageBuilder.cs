using System.Buffers;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Builds an outgoing request or response: start line, header fields in order, body.
/// <c>Content-Length</c> is always written from the body, never taken from the caller.
/// </summary>
public sealed class SipMessageBuilder
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    private SipMessageBuilder()
    {
    }

    /// <summary>True for a request.</summary>
    public bool IsRequest { get; private init; }

    /// <summary>The request method token.</summary>
    public string MethodName { get; private init; } = "";

    /// <summary>The Request-URI.</summary>
    public string RequestUri { get; set; } = "";

    /// <summary>The response status code.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The response reason phrase.</summary>
    public string ReasonPhrase { get; set; } = "";

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>The header fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Starts a request.</summary>
    public static SipMessageBuilder Request(SipMethod method, string requestUri) => Request(method.ToToken(), requestUri);

    /// <summary>Starts a request with any method token.</summary>
    public static SipMessageBuilder Request(string methodName, string requestUri) =>
        new() { IsRequest = true, MethodName = methodName, RequestUri = requestUri };

    /// <summary>Starts a response; the reason phrase defaults to the standard one.</summary>
    public static SipMessageBuilder Response(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        return new() { StatusCode = statusCode, ReasonPhrase = reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode) };
    }

    /// <summary>Appends a header field.</summary>
    public SipMessageBuilder Add(SipHeaderId id, string value) => Add(id.ToName(), value);

    /// <summary>Appends a header field with any name.</summary>
    public SipMessageBuilder Add(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Inserts a header field before the first one of its kind, or first of all (a new top Via, Route or Record-Route).</summary>
    public SipMessageBuilder AddFirst(SipHeaderId id, string value)
    {
        var index = IndexOf(id);
        _headers.Insert(index < 0 ? 0 : index, new(id.ToName(), value));
        return this;
    }

    /// <summary>Replaces every field of that kind by one with <paramref name="value"/>, in the place of the first (or appended).</summary>
    public SipMessageBuilder Set(SipHeaderId id, string value)
    {
        var index = IndexOf(id);
        Remove(id);
        _headers.Insert(index < 0 ? _headers.Count : index, new(id.ToName(), value));
        return this;
    }

    /// <summary>Removes every field of that kind.</summary>
    public SipMessageBuilder Remove(SipHeaderId id)
    {
        _headers.RemoveAll(h => SipHeaderNames.Lookup(h.Key) == id && (id != SipHeaderId.Unknown));
        return this;
    }

    /// <summary>The first value of that kind, or null.</summary>
    public string? Get(SipHeaderId id)
    {
        var index = IndexOf(id);
        return index < 0 ? null : _headers[index].Value;
    }

    /// <summary>Sets the body and its Content-Type.</summary>
    public SipMessageBuilder WithBody(ReadOnlyMemory<byte> body, string contentType)
    {
        Body = body;
        return Set(SipHeaderId.ContentType, contentType);
    }

    /// <summary>Writes the message; Content-Length comes from the body.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        if (IsRequest)
        {
            WriteText(writer, MethodName);
            writer.Write(" "u8);
            WriteText(writer, RequestUri);
            writer.Write(" SIP/2.0\r\n"u8);
        }
        else
        {
            writer.Write("SIP/2.0 "u8);
            WriteText(writer, StatusCode.ToString(CultureInfo.InvariantCulture));
            writer.Write(" "u8);
            WriteText(writer, ReasonPhrase);
            writer.Write("\r\n"u8);
        }
        foreach (var (name, value) in _headers)
        {
            if (SipHeaderNames.Lookup(name) == SipHeaderId.ContentLength)
            {
                continue;
            }
            WriteText(writer, name);
            writer.Write(": "u8);
            WriteText(writer, value);
            writer.Write("\r\n"u8);
        }
        writer.Write("Content-Length: "u8);
        WriteText(writer, Body.Length.ToString(CultureInfo.InvariantCulture));
        writer.Write("\r\n\r\n"u8);
        writer.Write(Body.Span);
    }

    /// <summary>The message as bytes.</summary>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(512 + Body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Serialises and parses the message; throws when the builder was given something that is not valid SIP (a bug in the caller).</summary>
    public SipMessage ToMessage()
    {
        var result = SipMessageParser.TryParse(ToArray(), out var message);
        return result.IsOk
            ? message!
            : throw new InvalidOperationException($"Built an invalid SIP message: {result.Reason}");
    }

    private int IndexOf(SipHeaderId id) => _headers.FindIndex(h => SipHeaderNames.Lookup(h.Key) == id);

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}

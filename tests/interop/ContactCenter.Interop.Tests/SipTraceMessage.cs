namespace ContactCenter.Interop.Tests;

/// <summary>One SIP message of a baresip <c>-s</c> trace (header line <c>UDP 127.0.0.1:5062 -> 127.0.0.1:5060</c>, then the message).</summary>
/// <param name="Transport">UDP, TCP or TLS.</param>
/// <param name="Source">address:port it came from.</param>
/// <param name="Destination">address:port it went to.</param>
/// <param name="StartLine">The request or status line.</param>
public sealed record SipTraceMessage(string Transport, string Source, string Destination, string StartLine)
{
    /// <summary>Whether this is a response with <paramref name="statusCode"/>.</summary>
    public bool IsResponse(int statusCode) =>
        StartLine.StartsWith($"SIP/2.0 {statusCode} ", StringComparison.Ordinal) || StartLine == $"SIP/2.0 {statusCode}";

    /// <summary>Whether it came from 127.0.0.1:<paramref name="port"/>.</summary>
    public bool IsFrom(int port) => Source == $"127.0.0.1:{port}";
}

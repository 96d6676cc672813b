namespace ContactCenter.Sip.Tests.Fakes;

/// <summary>Requests and responses as a peer at 127.0.0.1:5070 would send them.</summary>
public static class SipTestMessages
{
    public static string Request(string method, string branch = "z9hG4bKpeer1", string callId = "call-1@127.0.0.1", int cseq = 1,
        string? toTag = null, string cseqMethod = "", string extraHeaders = "", string body = "", string via = "SIP/2.0/UDP 127.0.0.1:5070",
        string uri = "sip:pbx@127.0.0.1:5060", string maxForwards = "70") =>
        $"""
        {method} {uri} SIP/2.0
        Via: {via};branch={branch}
        Max-Forwards: {maxForwards}
        From: "Alice" <sip:alice@127.0.0.1:5070>;tag=alice-tag
        To: <sip:pbx@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}
        Contact: <sip:alice@127.0.0.1:5070>
        {extraHeaders}Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}

        {body}
        """;

    /// <summary>A response to a request the stack sent: same Via, From, Call-ID, CSeq; To gets a tag.</summary>
    public static string ResponseTo(ContactCenter.Sip.Messages.SipMessage request, int status, string toTag = "bob-tag", string extraHeaders = "")
    {
        var vias = string.Join("", request.GetHeaders(ContactCenter.Sip.Messages.SipHeaderId.Via).Select(v => $"Via: {v}\n"));
        var to = request.GetHeader(ContactCenter.Sip.Messages.SipHeaderId.To)!;
        return $"""
            SIP/2.0 {status} {ContactCenter.Sip.Messages.SipStatusCodes.GetReasonPhrase(status)}
            {vias}From: {request.GetHeader(ContactCenter.Sip.Messages.SipHeaderId.From)}
            To: {to}{(status > 100 && !to.Contains(";tag=", StringComparison.Ordinal) ? ";tag=" + toTag : "")}
            Call-ID: {request.CallId}
            CSeq: {request.GetHeader(ContactCenter.Sip.Messages.SipHeaderId.CSeq)}
            Contact: <sip:bob@127.0.0.1:5070>
            {extraHeaders}Content-Length: 0


            """;
    }
}

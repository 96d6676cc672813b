using System.Net;
using ContactCenter.Sip.Messages.Headers;

namespace ContactCenter.Sip.Messages;

// Responses to a received request (RFC 3261 §8.2.6).
public sealed partial class SipMessage
{
    /// <summary>
    /// Starts a response to this request: Via (with received/rport set from <see cref="Source"/> per §18.2.1
    /// and RFC 3581 §4), From, To (with <paramref name="toTag"/> added when it has none), Call-ID and CSeq copied;
    /// Timestamp copied into a 100 (§8.2.6.1). Works on invalid requests too, copying what is there.
    /// </summary>
    public SipMessageBuilder CreateResponse(int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var response = SipMessageBuilder.Response(statusCode, reasonPhrase);
        CopyVias(response);
        CopyFirst(response, SipHeaderId.From);
        var toIndex = IndexOf(SipHeaderId.To, 0);
        if (toIndex >= 0)
        {
            var to = GetValue(toIndex);
            var hasTag = _to is { } parsed ? parsed.Tag is not null : to.Contains(";tag=", StringComparison.OrdinalIgnoreCase);
            response.Add(SipHeaderId.To, toTag is null || hasTag ? to : $"{to};tag={toTag}");
        }
        CopyFirst(response, SipHeaderId.CallId);
        CopyFirst(response, SipHeaderId.CSeq);
        if (statusCode == 100)
        {
            CopyFirst(response, SipHeaderId.Timestamp);
        }
        return response;
    }

    private void CopyVias(SipMessageBuilder response)
    {
        if (Source is { } source && _vias is { Count: > 0 } vias)
        {
            response.Add(SipHeaderId.Via, StampReceived(vias[0], source.Remote).ToString()!);
            for (var i = 1; i < vias.Count; i++)
            {
                response.Add(SipHeaderId.Via, vias[i].ToString()!);
            }
            return;
        }
        for (var i = IndexOf(SipHeaderId.Via, 0); i >= 0; i = IndexOf(SipHeaderId.Via, i + 1))
        {
            response.Add(SipHeaderId.Via, GetValue(i));
        }
    }

    // §18.2.1: received when sent-by differs from the source address; RFC 3581 §4: rport filled in, and then received always.
    private static SipVia StampReceived(SipVia via, IPEndPoint remote)
    {
        var address = remote.Address.ToString();
        if (via.HasRPort)
        {
            return via.WithReceived(address, remote.Port);
        }
        return string.Equals(via.Host.Trim('[', ']'), address, StringComparison.OrdinalIgnoreCase) ? via : via.WithReceived(address, null);
    }

    private void CopyFirst(SipMessageBuilder response, SipHeaderId id)
    {
        var value = GetHeader(id);
        if (value is not null)
        {
            response.Add(id, value);
        }
    }
}

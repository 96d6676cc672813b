using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip;

// Inbound: parse on the receive thread, answer what the core answers itself (RFC 3261 §8.2), match
// transactions (§17.2.3), and hand new requests to the transaction user.
public sealed partial class SipStack
{
    /// <summary>The <see cref="SipReceiveHandler"/> for the transports: parses on the calling thread and posts to the loop. Never throws.</summary>
    public void Receive(ReadOnlySpan<byte> data, in SipPeer peer)
    {
        var result = SipMessageParser.TryParse(data, _options.Limits, out var message);
        if (result.IsOk)
        {
            message!.Source = peer;
            Post(WorkItem.Received(message));
            return;
        }
        if (Throttle.ShouldLog(peer.Remote.Address, out _))
        {
            SipStackLog.BadMessage(_logger, peer.Remote, peer.Protocol, result.Reason);
        }
        // §8.2 / RFC 4475 §3.3: a request that can be answered gets the status naming the problem; anything else is dropped.
        if (message is { IsRequest: true } && result.StatusCode != 0 && message.Method != SipMethod.Ack && message.HasHeader(SipHeaderId.Via))
        {
            message.Source = peer;
            var response = message.CreateResponse(result.StatusCode, result.Reason);
            SendStateless(response, ResponseDestination(message, peer, viaUsable: message.TryParseVias(out _)));
        }
        message?.Dispose();
    }

    private void OnRequest(SipMessage request)
    {
        if (request.Method == SipMethod.Ack)
        {
            OnAck(request);
            return;
        }
        var key = SipTransactionKey.ForServer(request);
        if (_server.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            request.Dispose();
            return;
        }
        if (request.Method == SipMethod.Cancel)
        {
            OnCancel(request, key);
            return;
        }

        var rejection = Inspect(request, key);
        var transaction = CreateServerTransaction(request, key);
        if (rejection is not null)
        {
            transaction.Respond(rejection.ToMessage());
            return;
        }
        if (transaction is SipInviteServerTransaction invite)
        {
            invite.Start();
        }
        if (request.Method == SipMethod.Options && request.To.Tag is null)
        {
            transaction.Respond(OptionsResponse(request).ToMessage());
            return;
        }
        _requests.Writer.TryWrite(transaction);
    }

    // The checks of §8.2 a UAS makes before the transaction user sees a request, in the RFC's order.
    private SipMessageBuilder? Inspect(SipMessage request, SipTransactionKey key)
    {
        // Syntax the parser leaves to the typed views, checked first like the parser's own 400s.
        // RFC 4475 §3.1.2.11 (escruri): §19.1.1 allows no headers in a Request-URI; rejecting is the RFC's first choice.
        if (request.RequestUri is { Headers.Count: > 0 })
        {
            return request.CreateResponse(400, "Request-URI must not contain headers", SipIdentifiers.NewTag());
        }
        // RFC 4475 §3.1.2.13 (regbadct): a Contact that does not parse (e.g. an addr-spec with headers but no <>) gets 400,
        // so neither dialogs nor the registrar ever see a half-understood target.
        if (request.HasHeader(SipHeaderId.Contact) && !request.IsContactWildcard && !request.TryGetContacts(out _))
        {
            return request.CreateResponse(400, "Malformed Contact header", SipIdentifiers.NewTag());
        }
        // §16.3 step 3 (the B2BUA forwards like a proxy): Max-Forwards 0 ends here. OPTIONS is answered
        // instead, as §16.3 allows and RFC 4475 §3.1.1.? (zeromf) expects of an endpoint.
        if (request.MaxForwards == 0 && request.Method != SipMethod.Options)
        {
            return request.CreateResponse(483, toTag: SipIdentifiers.NewTag());
        }
        // §8.2.1: an unknown method is 501, a known one this element does not handle is 405 with Allow.
        if (request.Method == SipMethod.Unknown)
        {
            return request.CreateResponse(501, toTag: SipIdentifiers.NewTag());
        }
        if (!_options.Allow.Contains(request.MethodName))
        {
            return request.CreateResponse(405, toTag: SipIdentifiers.NewTag()).Add(SipHeaderId.Allow, string.Join(", ", _options.Allow));
        }
        // §8.2.2.1: a Request-URI scheme we do not understand.
        if (request.RequestUri is null)
        {
            return request.CreateResponse(416, toTag: SipIdentifiers.NewTag());
        }
        // §8.2.2.2: the same request arriving by another path (no To tag, same From tag / Call-ID / CSeq, another branch).
        if (MergeKey(request) is { } merge)
        {
            if (_merging.TryGetValue(merge, out var earlier) && earlier.Key != key)
            {
                return request.CreateResponse(482, toTag: SipIdentifiers.NewTag());
            }
        }
        // §8.2.2.3: option tags in Require that we do not support.
        var unsupported = UnsupportedRequirements(request);
        if (unsupported.Count > 0)
        {
            return request.CreateResponse(420, toTag: SipIdentifiers.NewTag()).Add(SipHeaderId.Unsupported, string.Join(", ", unsupported));
        }
        // §12.2.2: an in-dialog request for a dialog we do not have.
        if (request.To.Tag is { } toTag && !Dialogs.Contains(request.CallId, toTag, request.From.Tag ?? ""))
        {
            return request.CreateResponse(481);
        }
        return null;
    }

    private List<string> UnsupportedRequirements(SipMessage request)
    {
        var unsupported = new List<string>();
        foreach (var value in request.GetHeaders(SipHeaderId.Require))
        {
            foreach (var tag in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!_options.SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    unsupported.Add(tag);
                }
            }
        }
        return unsupported;
    }

    // §11.2: the capabilities of this element.
    private SipMessageBuilder OptionsResponse(SipMessage request) =>
        request.CreateResponse(200, toTag: SipIdentifiers.NewTag())
            .Add(SipHeaderId.Allow, string.Join(", ", _options.Allow))
            .Add(SipHeaderId.Accept, string.Join(", ", _options.Accept))
            .Add(SipHeaderId.Supported, string.Join(", ", _options.SupportedExtensions))
            .Add("Accept-Language", "fr, en")
            .Add(SipHeaderId.Server, _options.UserAgent);

    private SipServerTransaction CreateServerTransaction(SipMessage request, SipTransactionKey key)
    {
        var destination = ResponseDestination(request, request.Source!.Value, viaUsable: true);
        SipServerTransaction transaction = request.Method == SipMethod.Invite
            ? new SipInviteServerTransaction(this, key, request, destination)
            : new SipNonInviteServerTransaction(this, key, request, destination);
        _server.Add(key, transaction);
        if (MergeKey(request) is { } merge)
        {
            _merging.TryAdd(merge, transaction);
        }
        return transaction;
    }

    private void OnAck(SipMessage ack)
    {
        if (_server.TryGetValue(SipTransactionKey.ForServer(ack), out var matched) && matched is SipInviteServerTransaction invite
            && invite.State is SipTransactionState.Completed or SipTransactionState.Confirmed)
        {
            invite.OnAck();
            ack.Dispose();
            return;
        }
        // §17.1.1.3 / RFC 6026: the ACK of a 2xx is a transaction of its own; it belongs to the accepted INVITE's dialog.
        if (_accepted.TryGetValue(AcceptedKey(ack), out var accepted))
        {
            accepted.OnAck2xx(ack);
            return;
        }
        SipStackLog.StrayAck(_logger, ack.CallId);
        ack.Dispose();
    }

    // §9.2: a CANCEL matches the INVITE server transaction with the same key; it gets 200, the INVITE 487.
    private void OnCancel(SipMessage cancel, SipTransactionKey key)
    {
        var transaction = CreateServerTransaction(cancel, key);
        if (_server.TryGetValue(SipTransactionKey.ForServer(cancel, asInvite: true), out var matched) && matched is SipInviteServerTransaction invite)
        {
            transaction.Respond(cancel.CreateResponse(200, toTag: invite.LocalTag ?? SipIdentifiers.NewTag()).ToMessage());
            invite.OnCancel(cancel);
            return;
        }
        transaction.Respond(cancel.CreateResponse(481).ToMessage());
    }

    private void OnResponse(SipMessage response)
    {
        if (_client.TryGetValue(SipTransactionKey.ForClient(response), out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }
        SipStackLog.StrayResponse(_logger, response.StatusCode, response.CallId);
        response.Dispose();
    }

    // §18.2.2 with RFC 3581 §4: reliable transports answer on the connection, and should it be gone, open one to
    // the source address at the sent-by port; UDP goes to the source address, at rport when asked, else at the
    // sent-by port.
    private static SipDestination ResponseDestination(SipMessage request, SipPeer source, bool viaUsable)
    {
        if (!viaUsable)
        {
            return new SipDestination(source.Protocol, source.Remote, source.ConnectionId);
        }
        var via = request.TopVia;
        if (source.Protocol != SipTransportProtocol.Udp)
        {
            return new SipDestination(source.Protocol, new IPEndPoint(source.Remote.Address, via.Port ?? 5060), source.ConnectionId);
        }
        if (via.Maddr is { } maddr && IPAddress.TryParse(maddr, out var group))
        {
            return new SipDestination(SipTransportProtocol.Udp, new IPEndPoint(group, via.Port ?? 5060));
        }
        return via.HasRPort
            ? new SipDestination(SipTransportProtocol.Udp, source.Remote)
            : new SipDestination(SipTransportProtocol.Udp, new IPEndPoint(source.Remote.Address, via.Port ?? 5060));
    }

    private static string? MergeKey(SipMessage request) =>
        request.IsRequest && request.To.Tag is null && request.Method is not (SipMethod.Ack or SipMethod.Cancel)
            ? $"{request.CallId}|{request.From.Tag}|{request.CSeq.Number}|{request.MethodName}"
            : null;

    private static string AcceptedKey(SipMessage request) => $"{request.CallId}|{request.From.Tag}|{request.CSeq.Number}";
}

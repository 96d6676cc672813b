using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip;

// Outbound: the stack adds the one Via of a request it originates (a B2BUA originates every request it sends).
public sealed partial class SipStack
{
    /// <summary>
    /// Sends a request in a new client transaction. The builder must carry From, To, Call-ID and CSeq and no Via:
    /// the stack adds its Via with a fresh branch and rport (RFC 3581), and Max-Forwards when absent. A UDP request
    /// larger than <see cref="SipStackOptions.UdpRequestLimit"/> goes over TCP instead (§18.1.1).
    /// </summary>
    public SipClientTransaction SendRequest(SipMessageBuilder request, SipDestination destination)
    {
        if (request.Get(SipHeaderId.MaxForwards) is null)
        {
            request.Add(SipHeaderId.MaxForwards, "70");
        }
        var branch = SipIdentifiers.NewBranch();
        request.AddFirst(SipHeaderId.Via, ViaFor(destination, branch));
        var bytes = request.ToArray();
        if (destination.Protocol == SipTransportProtocol.Udp && bytes.Length > _options.UdpRequestLimit)
        {
            destination = destination with { Protocol = SipTransportProtocol.Tcp };
            request.Set(SipHeaderId.Via, ViaFor(destination, branch));
            bytes = request.ToArray();
        }
        var message = ParseOwn(bytes);
        var key = SipTransactionKey.ForClient(branch, message.MethodName);
        SipClientTransaction transaction = message.Method == SipMethod.Invite
            ? new SipInviteClientTransaction(this, key, message, bytes, destination)
            : new SipNonInviteClientTransaction(this, key, message, bytes, destination);
        Post(WorkItem.Invoke(() =>
        {
            _client.Add(key, transaction);
            transaction.Start();
        }));
        return transaction;
    }

    /// <summary>
    /// Sends the ACK of a 2xx (RFC 3261 §13.2.2.4): a transaction of its own that the transaction user sends, and sends
    /// again for every retransmission of the 2xx. Build it with <see cref="Dialogs.SipDialog.CreateAck"/>; the stack adds
    /// a Via with a fresh branch and Max-Forwards. Nothing waits for it and nothing retransmits it.
    /// </summary>
    public void SendAck(SipMessageBuilder ack, SipDestination destination)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (ack.Get(SipHeaderId.MaxForwards) is null)
        {
            ack.Add(SipHeaderId.MaxForwards, "70");
        }
        ack.AddFirst(SipHeaderId.Via, ViaFor(destination, SipIdentifiers.NewBranch()));
        SendStateless(ack, destination);
    }

    /// <summary>
    /// The URI at which this element receives requests sent over <paramref name="destination"/>'s transport: what a
    /// B2BUA puts in its Contact (§8.1.1.8), e.g. <c>sip:192.168.1.2:5060;transport=tcp</c>.
    /// </summary>
    public string LocalUri(SipDestination destination)
    {
        var host = LocalHost(destination);
        return destination.Protocol == SipTransportProtocol.Udp
            ? $"sip:{host}:{_transport!.Port}"
            : $"sip:{host}:{_transport!.Port};transport=tcp";
    }

    /// <summary>On the loop: the CANCEL of an INVITE client transaction goes out in a transaction of its own (§9.1).</summary>
    internal void SendCancel(SipInviteClientTransaction invite, SipMessageBuilder cancel)
    {
        var bytes = cancel.ToArray();
        var message = ParseOwn(bytes);
        var key = SipTransactionKey.ForClient(invite.Request.TopVia.Branch!, "CANCEL");
        if (_client.ContainsKey(key))
        {
            return;
        }
        var transaction = new SipNonInviteClientTransaction(this, key, message, bytes, invite.Destination);
        _client.Add(key, transaction);
        transaction.Start();
    }

    internal void LogAckTimeout(SipInviteServerTransaction transaction) =>
        SipStackLog.AckTimeout(_logger, transaction.Request.CallId, transaction.Destination.EndPoint);

    /// <summary>The host this element advertises towards <paramref name="destination"/>: the configured one, else the local address routed to it.</summary>
    public string LocalHost(SipDestination destination) =>
        _options.AdvertisedHost.Length > 0 ? _options.AdvertisedHost : SipLocalAddress.For(destination.EndPoint);

    private string ViaFor(SipDestination destination, string branch)
    {
        var host = LocalHost(destination);
        var transport = destination.Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP";
        return $"SIP/2.0/{transport} {host}:{_transport!.Port};branch={branch};rport";
    }

    private static SipMessage ParseOwn(byte[] bytes)
    {
        var result = Parsing.SipMessageParser.TryParse(bytes, out var message);
        return result.IsOk ? message! : throw new InvalidOperationException($"The transaction user built an invalid request: {result.Reason}");
    }
}

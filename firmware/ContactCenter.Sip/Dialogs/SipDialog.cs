using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12): ids, parties, remote target, route set and CSeq counters,
/// and construction of in-dialog requests (§12.2.1.1). Owned by one call actor; not thread-safe.
/// </summary>
public sealed class SipDialog
{
    private readonly List<string> _routeSet;

    private SipDialog(SipDialogId id, string localParty, string remoteParty, string remoteTarget, List<string> routeSet, uint localCSeq, uint? remoteCSeq, bool isSecure, SipDialogState state)
    {
        Id = id;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        LocalCSeq = localCSeq;
        RemoteCSeq = remoteCSeq;
        IsSecure = isSecure;
        State = state;
    }

    /// <summary>Call-ID and tags.</summary>
    public SipDialogId Id { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public SipDialogState State { get; private set; }

    /// <summary>Our side's name-addr (From of our requests), without tag.</summary>
    public string LocalParty { get; }

    /// <summary>The peer's name-addr (To of our requests), without tag.</summary>
    public string RemoteParty { get; }

    /// <summary>The peer's Contact URI: the Request-URI of in-dialog requests (updated by target refresh, §12.2).</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>The route set, in the order our requests list it.</summary>
    public IReadOnlyList<string> RouteSet => _routeSet;

    /// <summary>The last CSeq number we used.</summary>
    public uint LocalCSeq { get; private set; }

    /// <summary>The last CSeq number the peer used, null until it sends a request.</summary>
    public uint? RemoteCSeq { get; private set; }

    /// <summary>True for a sips dialog.</summary>
    public bool IsSecure { get; }

    /// <summary>§12.1.2: the dialog of a request we sent, from a 1xx (with To tag) or 2xx. The route set is the Record-Route of the response, reversed.</summary>
    public static SipDialog CreateAsUac(SipMessage request, SipMessage response)
    {
        var routes = RouteValues(response);
        routes.Reverse();
        return new SipDialog(
            new SipDialogId(request.CallId, request.From.Tag ?? "", response.To.Tag ?? ""),
            WithoutTag(request.From), WithoutTag(response.To), ContactOf(response) ?? request.RequestUriText, routes,
            request.CSeq.Number, null, request.RequestUri?.Scheme == SipUriScheme.Sips,
            response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed);
    }

    /// <summary>§12.1.1: the dialog of a request we answer with <paramref name="localTag"/>. The route set is the Record-Route of the request, in order.</summary>
    public static SipDialog CreateAsUas(SipMessage request, string localTag, bool confirmed) =>
        new(new SipDialogId(request.CallId, localTag, request.From.Tag ?? ""),
            WithoutTag(request.To), WithoutTag(request.From), ContactOf(request) ?? request.From.UriText, RouteValues(request),
            0, request.CSeq.Number, request.RequestUri?.Scheme == SipUriScheme.Sips,
            confirmed ? SipDialogState.Confirmed : SipDialogState.Early);

    /// <summary>Marks an early dialog confirmed (its 2xx was sent or received).</summary>
    public void Confirm()
    {
        if (State == SipDialogState.Early)
        {
            State = SipDialogState.Confirmed;
        }
    }

    /// <summary>Marks the dialog terminated.</summary>
    public void Terminate() => State = SipDialogState.Terminated;

    /// <summary>§12.2.1.2: a target refresh (re-INVITE, UPDATE) that succeeded moves the remote target to its Contact.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (ContactOf(message) is { } contact)
        {
            RemoteTarget = contact;
        }
    }

    /// <summary>§12.2.2: accepts the CSeq of an in-dialog request; false for one lower than the last (answer 500).</summary>
    public bool AcceptRemoteCSeq(uint number)
    {
        if (RemoteCSeq is { } last && number <= last)
        {
            return false;
        }
        RemoteCSeq = number;
        return true;
    }

    /// <summary>
    /// §12.2.1.1: a new in-dialog request (not ACK or CANCEL): the next local CSeq, the parties with their tags,
    /// and Request-URI and Route following loose routing, or strict routing when the first route lacks <c>lr</c>.
    /// </summary>
    public SipMessageBuilder CreateRequest(SipMethod method)
    {
        LocalCSeq = LocalCSeq == 0 ? (uint)Random.Shared.Next(1, 1 << 16) : LocalCSeq + 1;
        return CreateRequest(method.ToToken(), LocalCSeq);
    }

    /// <summary>§13.2.2.4: the ACK of a 2xx, with the INVITE's CSeq number.</summary>
    public SipMessageBuilder CreateAck(uint inviteCSeq) => CreateRequest("ACK", inviteCSeq);

    private SipMessageBuilder CreateRequest(string method, uint cseq)
    {
        var strict = _routeSet.Count > 0 && SipNameAddress.TryParse(_routeSet[0], out var first) && first.Uri is { IsLooseRouter: false };
        var builder = SipMessageBuilder.Request(method, strict ? StripToUri(_routeSet[0]) : RemoteTarget);
        for (var i = strict ? 1 : 0; i < _routeSet.Count; i++)
        {
            builder.Add(SipHeaderId.Route, _routeSet[i]);
        }
        if (strict)
        {
            builder.Add(SipHeaderId.Route, $"<{RemoteTarget}>");
        }
        return builder
            .Add(SipHeaderId.From, $"{LocalParty};tag={Id.LocalTag}")
            .Add(SipHeaderId.To, Id.RemoteTag.Length > 0 ? $"{RemoteParty};tag={Id.RemoteTag}" : RemoteParty)
            .Add(SipHeaderId.CallId, Id.CallId)
            .Add(SipHeaderId.CSeq, $"{cseq} {method}");
    }

    private static List<string> RouteValues(SipMessage message) =>
        message.TryParseAddressList(SipHeaderId.RecordRoute, out var routes) ? routes.ConvertAll(r => r.ToString()!) : [];

    private static string? ContactOf(SipMessage message) =>
        message.TryGetContacts(out var contacts) && contacts.Count > 0 ? contacts[0].UriText : null;

    private static string WithoutTag(SipNameAddress address) => address.WithoutParameter("tag").ToString();

    private static string StripToUri(string route) =>
        SipNameAddress.TryParse(route, out var address) ? address.UriText : route;
}

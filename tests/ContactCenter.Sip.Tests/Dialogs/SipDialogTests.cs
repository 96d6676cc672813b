using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Parsing;
using Xunit;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SipDialogTests
{
    private const string Invite = """
        INVITE sip:bob@pbx.example.com SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKinv
        Max-Forwards: 70
        Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
        From: "Alice" <sip:alice@example.com>;tag=alice-tag
        To: <sip:bob@pbx.example.com>
        Call-ID: dialog-1
        CSeq: 10 INVITE
        Contact: <sip:alice@10.0.0.1:5060>
        Content-Length: 0


        """;

    private const string Ringing = """
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKinv
        Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
        From: "Alice" <sip:alice@example.com>;tag=alice-tag
        To: <sip:bob@pbx.example.com>;tag=bob-tag
        Call-ID: dialog-1
        CSeq: 10 INVITE
        Contact: <sip:bob@10.0.0.2:5062>
        Content-Length: 0


        """;

    [Fact]
    public void Uas_Dialog_TakesRouteSetInOrder_RemoteTargetFromContact_AndRemoteCSeq()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "pbx-tag", confirmed: false);
        Assert.Equal(new SipDialogId("dialog-1", "pbx-tag", "alice-tag"), dialog.Id);
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Equal("sip:alice@10.0.0.1:5060", dialog.RemoteTarget);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet);
        Assert.Equal(10u, dialog.RemoteCSeq);
    }

    [Fact]
    public void Uac_Dialog_ReversesRecordRoute_AndTakesTheToTagOfTheResponse()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        using var ringing = SipMessageParserTests.Parse(Ringing);
        var dialog = SipDialog.CreateAsUac(invite, ringing);
        Assert.Equal(new SipDialogId("dialog-1", "alice-tag", "bob-tag"), dialog.Id);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], dialog.RouteSet);
        Assert.Equal("sip:bob@10.0.0.2:5062", dialog.RemoteTarget);
        Assert.Equal(SipDialogState.Early, dialog.State);
        dialog.Confirm();
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void InDialogRequest_LooseRouting_TargetsRemoteTarget_WithRoutesAndTags_AndIncreasingCSeq()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        using var ringing = SipMessageParserTests.Parse(Ringing);
        var dialog = SipDialog.CreateAsUac(invite, ringing);
        var bye = dialog.CreateRequest(SipMethod.Bye).Add(SipHeaderId.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKbye").ToMessage();
        Assert.Equal("sip:bob@10.0.0.2:5062", bye.RequestUriText);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], bye.GetHeaders(SipHeaderId.Route));
        Assert.Equal("alice-tag", bye.From.Tag);
        Assert.Equal("bob-tag", bye.To.Tag);
        Assert.Equal(11u, bye.CSeq.Number);
        Assert.Equal(12u, dialog.CreateRequest(SipMethod.Info).Add(SipHeaderId.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKi").ToMessage().CSeq.Number);
    }

    [Fact]
    public void InDialogRequest_StrictRouting_PutsFirstRouteInRequestUri_AndRemoteTargetLast()
    {
        using var invite = SipMessageParserTests.Parse(Invite.Replace("<sip:p1.example.com;lr>, <sip:p2.example.com;lr>", "<sip:p1.example.com>", StringComparison.Ordinal));
        var dialog = SipDialog.CreateAsUas(invite, "pbx-tag", confirmed: true);
        var bye = dialog.CreateRequest(SipMethod.Bye).Add(SipHeaderId.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKbye").ToMessage();
        Assert.Equal("sip:p1.example.com", bye.RequestUriText);
        Assert.Equal(["<sip:alice@10.0.0.1:5060>"], bye.GetHeaders(SipHeaderId.Route));
    }

    [Fact]
    public void RemoteCSeq_LowerOrEqualThanLast_IsRefused()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "pbx-tag", confirmed: true);
        Assert.False(dialog.AcceptRemoteCSeq(10));
        Assert.False(dialog.AcceptRemoteCSeq(9));
        Assert.True(dialog.AcceptRemoteCSeq(11));
        Assert.Equal(11u, dialog.RemoteCSeq);
    }

    [Fact]
    public void TargetRefresh_MovesTheRemoteTarget()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "pbx-tag", confirmed: true);
        using var reinvite = SipMessageParserTests.Parse(Invite.Replace("Contact: <sip:alice@10.0.0.1:5060>", "Contact: <sip:alice@10.0.0.7:5080>", StringComparison.Ordinal));
        dialog.RefreshTarget(reinvite);
        Assert.Equal("sip:alice@10.0.0.7:5080", dialog.RemoteTarget);
    }

    [Fact]
    public void AckFor2xx_CarriesTheInviteCSeqNumber()
    {
        using var invite = SipMessageParserTests.Parse(Invite);
        using var ringing = SipMessageParserTests.Parse(Ringing);
        var dialog = SipDialog.CreateAsUac(invite, ringing);
        var ack = dialog.CreateAck(10).Add(SipHeaderId.Via, "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKack").ToMessage();
        Assert.Equal("10 ACK", ack.GetHeader(SipHeaderId.CSeq));
        Assert.Equal(10u, dialog.LocalCSeq);
    }
}

using System.Buffers;
using System.Text;
using System.Xml.Linq;
using ContactCenter.Sip.Events.Bodies;

using Xunit;

namespace ContactCenter.Sip.Tests.Events.Bodies;

public class SipDialogInfoWriterTests
{
    private static readonly XNamespace Ns = "urn:ietf:params:xml:ns:dialog-info";

    private static XElement Write(string entity, long version, params SipDialogInfoEntry[] dialogs)
    {
        var writer = new ArrayBufferWriter<byte>();
        SipDialogInfoWriter.Write(writer, entity, version, dialogs);
        return XDocument.Parse(Encoding.UTF8.GetString(writer.WrittenSpan)).Root!;
    }

    private static readonly SipDialogInfoEntry Ringing = new()
    {
        Id = "d1",
        State = SipDialogInfoState.Early,
        CallId = "a84b4c76e66710@pc33",
        LocalTag = "1928301774",
        RemoteTag = "456887766",
        Direction = SipDialogDirection.Recipient,
        LocalIdentity = "sip:201@pbx.local",
        LocalTarget = "sip:201@192.168.1.21:5060",
        RemoteIdentity = "sip:0612345678@pbx.local",
        RemoteDisplay = "Jean Dupont",
        RemoteTarget = "sip:0612345678@192.168.1.1",
    };

    [Fact]
    public void Document_IsFullState_WithVersionAndEntity()
    {
        var root = Write("sip:201@pbx.local", 7);
        Assert.Equal(Ns + "dialog-info", root.Name);
        Assert.Equal("7", (string?)root.Attribute("version"));
        Assert.Equal("full", (string?)root.Attribute("state"));
        Assert.Equal("sip:201@pbx.local", (string?)root.Attribute("entity"));
        Assert.Empty(root.Elements());
    }

    [Fact]
    public void Dialog_CarriesIdsDirectionStateAndBothParticipants()
    {
        var dialog = Assert.Single(Write("sip:201@pbx.local", 0, Ringing).Elements());
        Assert.Equal(Ns + "dialog", dialog.Name);
        Assert.Equal("d1", (string?)dialog.Attribute("id"));
        Assert.Equal("a84b4c76e66710@pc33", (string?)dialog.Attribute("call-id"));
        Assert.Equal("1928301774", (string?)dialog.Attribute("local-tag"));
        Assert.Equal("456887766", (string?)dialog.Attribute("remote-tag"));
        Assert.Equal("recipient", (string?)dialog.Attribute("direction"));
        Assert.Equal("early", (string?)dialog.Element(Ns + "state"));
        var remote = dialog.Element(Ns + "remote")!;
        Assert.Equal("sip:0612345678@pbx.local", (string?)remote.Element(Ns + "identity"));
        Assert.Equal("Jean Dupont", (string?)remote.Element(Ns + "identity")!.Attribute("display"));
        Assert.Equal("sip:0612345678@192.168.1.1", (string?)remote.Element(Ns + "target")!.Attribute("uri"));
        var local = dialog.Element(Ns + "local")!;
        Assert.Equal("sip:201@pbx.local", (string?)local.Element(Ns + "identity"));
        Assert.Null(local.Element(Ns + "identity")!.Attribute("display"));
        Assert.Equal("sip:201@192.168.1.21:5060", (string?)local.Element(Ns + "target")!.Attribute("uri"));
        // RFC 4235 schema order: state, then local, then remote.
        Assert.Equal(["state", "local", "remote"], dialog.Elements().Select(e => e.Name.LocalName));
    }

    [Theory]
    [InlineData(SipDialogInfoState.Trying, "trying")]
    [InlineData(SipDialogInfoState.Proceeding, "proceeding")]
    [InlineData(SipDialogInfoState.Early, "early")]
    [InlineData(SipDialogInfoState.Confirmed, "confirmed")]
    [InlineData(SipDialogInfoState.Terminated, "terminated")]
    public void State_IsWrittenWithItsRfcName(SipDialogInfoState state, string expected)
    {
        var dialog = Assert.Single(Write("sip:201@pbx.local", 0, Ringing with { State = state }).Elements());
        Assert.Equal(expected, (string?)dialog.Element(Ns + "state"));
    }

    [Fact]
    public void TerminatedState_CarriesItsEvent()
    {
        var dialog = Assert.Single(Write("sip:201@pbx.local", 0, Ringing with { State = SipDialogInfoState.Terminated, StateEvent = "cancelled" }).Elements());
        Assert.Equal("cancelled", (string?)dialog.Element(Ns + "state")!.Attribute("event"));
    }

    [Fact]
    public void Trying_WithoutSipIdsOrParticipants_WritesOnlyIdAndState()
    {
        var dialog = Assert.Single(Write("sip:201@pbx.local", 0, new SipDialogInfoEntry { Id = "x", State = SipDialogInfoState.Trying, Direction = SipDialogDirection.Initiator }).Elements());
        Assert.Equal(["id", "direction"], dialog.Attributes().Select(a => a.Name.LocalName));
        Assert.Equal("initiator", (string?)dialog.Attribute("direction"));
        Assert.Equal(["state"], dialog.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void SeveralDialogs_AreAllWritten_InOrder()
    {
        var root = Write("sip:201@pbx.local", 3, Ringing, Ringing with { Id = "d2", State = SipDialogInfoState.Confirmed, Direction = SipDialogDirection.Initiator });
        Assert.Equal(["d1", "d2"], root.Elements(Ns + "dialog").Select(d => (string?)d.Attribute("id")));
    }

    [Fact]
    public void Text_IsEscaped_AndControlCharactersDropped()
    {
        const string display = "\"Dupont & Fils\" <ventes> l'équipe\u0001\tfin";
        var dialog = Assert.Single(Write("sip:a&b@pbx.local", 0, Ringing with { RemoteDisplay = display, RemoteIdentity = "sip:x@y;p=<1>&\"q\"" }).Elements());
        var identity = dialog.Element(Ns + "remote")!.Element(Ns + "identity")!;
        Assert.Equal("\"Dupont & Fils\" <ventes> l'équipe\tfin", (string?)identity.Attribute("display"));
        Assert.Equal("sip:x@y;p=<1>&\"q\"", identity.Value);
    }

    [Fact]
    public void Entity_IsEscapedInItsAttribute()
    {
        Assert.Equal("sip:a&b\"@pbx.local", (string?)Write("sip:a&b\"@pbx.local", 0).Attribute("entity"));
    }
}

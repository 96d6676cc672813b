using System.Buffers;
using System.Text;
using System.Xml.Linq;
using ContactCenter.Sip.Events.Bodies;

using Xunit;

namespace ContactCenter.Sip.Tests.Events.Bodies;

public class SipPidfWriterTests
{
    private static readonly XNamespace Ns = "urn:ietf:params:xml:ns:pidf";

    private static XElement Write(bool open, string? note, string? contact = null)
    {
        var writer = new ArrayBufferWriter<byte>();
        SipPidfWriter.Write(writer, "sip:201@pbx.local", "t201", open, note, contact);
        return XDocument.Parse(Encoding.UTF8.GetString(writer.WrittenSpan)).Root!;
    }

    [Theory]
    [InlineData(true, "open")]
    [InlineData(false, "closed")]
    public void Basic_IsOpenOrClosed(bool open, string expected)
    {
        var root = Write(open, note: null);
        Assert.Equal(Ns + "presence", root.Name);
        Assert.Equal("sip:201@pbx.local", (string?)root.Attribute("entity"));
        var tuple = Assert.Single(root.Elements(Ns + "tuple"));
        Assert.Equal("t201", (string?)tuple.Attribute("id"));
        Assert.Equal(expected, (string?)tuple.Element(Ns + "status")!.Element(Ns + "basic"));
        Assert.Null(tuple.Element(Ns + "note"));
    }

    [Fact]
    public void Note_IsWrittenEscaped_AfterContact()
    {
        var tuple = Write(false, "Ne pas déranger <DND> & co", "sip:201@192.168.1.21").Element(Ns + "tuple")!;
        Assert.Equal("Ne pas déranger <DND> & co", (string?)tuple.Element(Ns + "note"));
        Assert.Equal("sip:201@192.168.1.21", (string?)tuple.Element(Ns + "contact"));
        Assert.Equal(["status", "contact", "note"], tuple.Elements().Select(e => e.Name.LocalName));
    }
}

using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Parsing;
using Xunit;

namespace ContactCenter.Sip.Tests.Parsing;

public class SipGrammarTests
{
    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]
    [InlineData("\"\"", "")]
    [InlineData("\"caf\u00e9\"", "caf\u00e9")]
    public void QuotedString_WithEscapes_IsUnescaped(string text, string expected)
    {
        var pos = 0;
        Assert.True(SipGrammar.TryReadQuotedString(text, ref pos, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(text.Length, pos);
    }

    [Theory]
    [InlineData("\"abc")]
    [InlineData("\"abc\\\"")]
    [InlineData("abc")]
    [InlineData("\"a\u0001b\"")]
    public void QuotedString_Unterminated_Fails(string text)
    {
        var pos = 0;
        Assert.False(SipGrammar.TryReadQuotedString(text, ref pos, out _));
    }

    [Fact]
    public void Comment_Nested_IsRead()
    {
        var text = "(Linux (arm64) \\) v1) tail";
        var pos = 0;
        Assert.True(SipGrammar.TryReadComment(text, ref pos, out var comment));
        Assert.Equal("Linux (arm64) ) v1", comment);
        Assert.Equal(" tail", text[pos..]);
        pos = 0;
        Assert.False(SipGrammar.TryReadComment("(open (nested)", ref pos, out _));
    }

    [Fact]
    public void SplitList_RespectsQuotesAndAngleBrackets()
    {
        var text = " a, \"b,c\" <d,e>;x , f ";
        var ranges = new List<Range>();
        Assert.True(SipGrammar.TrySplitList(text, ranges));
        Assert.Equal(["a", "\"b,c\" <d,e>;x", "f"], ranges.Select(r => text[r]).ToArray());
        Assert.False(SipGrammar.TrySplitList("a,,b", []));
        Assert.False(SipGrammar.TrySplitList("<a,b", []));
        Assert.False(SipGrammar.TrySplitList("a>", []));
    }

    [Fact]
    public void Parameters_WithLwsAndQuotes_AreParsed()
    {
        var list = new List<SipParameter>();
        Assert.True(SipGrammar.TryParseParameters(" ; a = 1 ;b; c=\"x;y\" ;d=[::1]", 0, list));
        Assert.Equal([new("a", "1"), new("b", null), new("c", "x;y"), new("d", "[::1]")], list);
    }

    [Theory]
    [InlineData("%41%62c", "Abc")]
    [InlineData("caf%c3%a9", "caf\u00e9")]
    public void Unescape_DecodesUtf8(string text, string expected)
    {
        Assert.True(SipGrammar.TryUnescape(text, SipGrammar.UserChars, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("%ff")]
    [InlineData("%4")]
    [InlineData("a b")]
    [InlineData("%")]
    public void Unescape_InvalidInput_Fails(string text) => Assert.False(SipGrammar.TryUnescape(text, SipGrammar.UserChars, out _));

    [Theory]
    [InlineData("::1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("1:2:3:4:5:6:7:8", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1::2::3", false)]
    [InlineData("12345::1", false)]
    [InlineData("g::1", false)]
    [InlineData("1:2:3:4:5:6:7", false)]
    public void IPv6Address_IsValidated(string text, bool valid) => Assert.Equal(valid, SipGrammar.IsIPv6Address(text));
}

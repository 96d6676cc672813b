using System.Buffers;
using System.Text;
using ContactCenter.Sip.Events.Bodies;

using Xunit;

namespace ContactCenter.Sip.Tests.Events.Bodies;

public class SipMessageSummaryWriterTests
{
    private static string Write(string? account, int newMessages, int oldMessages, int newUrgent = 0, int oldUrgent = 0)
    {
        var writer = new ArrayBufferWriter<byte>();
        SipMessageSummaryWriter.Write(writer, account, newMessages, oldMessages, newUrgent, oldUrgent);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    [Fact]
    public void NewMessages_AreWaiting_WithCountsAndAccount()
    {
        Assert.Equal("Messages-Waiting: yes\r\nMessage-Account: sip:201@pbx.local\r\nVoice-Message: 2/8\r\n", Write("sip:201@pbx.local", 2, 8));
    }

    [Fact]
    public void OnlyOldMessages_AreNotWaiting()
    {
        Assert.Equal("Messages-Waiting: no\r\nVoice-Message: 0/3\r\n", Write(null, 0, 3));
    }

    [Fact]
    public void UrgentCounts_FollowInParentheses()
    {
        Assert.Equal("Messages-Waiting: yes\r\nVoice-Message: 1/0 (1/0)\r\n", Write(null, 1, 0, 1, 0));
    }

    [Fact]
    public void AccountOnTwoLines_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Write("sip:a\r\nVoice-Message: 9/9", 0, 0));
    }

    [Fact]
    public void NegativeCounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(null, -1, 0));
    }
}

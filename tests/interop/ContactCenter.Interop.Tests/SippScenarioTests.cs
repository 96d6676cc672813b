using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// sipp scenarios against the running appliance. These need the SIP core (parser, transactions,
/// OPTIONS answering) wired into the host, and the INVITE ones an application that never answers
/// INVITE (the core's test mode): until then they fail, by design, never skip.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class SippScenarioTests
{
    [Fact]
    public async Task Options_OverUdp_IsAnswered200_WithAllow()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var result = await Sipp.RunAsync("options.xml", appliance.SipPort);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Options_OverTcp_IsAnswered200_WithAllow()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var result = await Sipp.RunAsync("options.xml", appliance.SipPort, tcp: true);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Options_TenPingsOverUdp_AreAllAnswered()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var result = await Sipp.RunAsync("options.xml", appliance.SipPort, calls: 10);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task UnansweredInvite_Cancelled_Gets200ForCancel_And487ForInvite()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var result = await Sipp.RunAsync("invite_cancel.xml", appliance.SipPort);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, await appliance.StopAsync());
    }

    [Fact]
    public async Task Unacknowledged487_IsRetransmittedOnTimerG_UntilAck()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var result = await Sipp.RunAsync("retransmit.xml", appliance.SipPort);

        Assert.True(result.ExitCode == 0, result.ToString());
        var messages = result.Messages();
        var ack = messages.ToList().FindIndex(m => m.Sent && m.StartLine.StartsWith("ACK ", StringComparison.Ordinal));
        Assert.True(ack > 0, result.ToString());
        static bool Is487((bool Sent, string StartLine) m) => !m.Sent && m.StartLine.StartsWith("SIP/2.0 487", StringComparison.Ordinal);
        // Original at t, Timer G copies at t+0.5 s and t+1.5 s; the ACK goes at t+2.2 s.
        Assert.True(messages.Take(ack).Count(Is487) >= 3, result.ToString());
        Assert.True(!messages.Skip(ack).Any(Is487), result.ToString());
    }
}

using System.Diagnostics;
using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// Calls between baresip softphones through the appliance's B2BUA (issue #3 §7), over UDP and TCP: the caller dials
/// <c>sip:NUMBER@127.0.0.1:PORT</c>, answers the 407 challenge with its account's credentials, and the media is relayed.
/// Each outcome is checked on both phones and in the call record, read from the database once the appliance has stopped
/// cleanly (which writes any pending record).
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class BaresipCallTests
{
    private const string Caller = "201";
    private const string Callee = "202";
    private const int CallerTone = 1000;
    private const int CalleeTone = 600;

    // One second of each other's tone: 50 packets each way at ptime 20, paced by the senders' clocks.
    private static readonly TimeSpan TalkAudio = TimeSpan.FromSeconds(1);
    private const int TalkPackets = 50;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnsweredCall_CarriesRtpBothWaysThroughTheRelay_AndIsRecordedAnswered(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller, Callee]);
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);
        await using var bob = await RegisteredAgentAsync(appliance, "bob", Callee, CalleeTone, tcp, autoAnswer: true);

        var (sent, received, elapsed) = await TalkThenCallerHangsUpAsync(appliance, alice, bob);

        Assert.Contains(alice.SipTrace(), m => m.IsFrom(appliance.SipPort) && m.IsResponse(407));
        AssertInvitesWentOver(tcp, alice, bob);
        await AssertAnsweredRecordAsync(appliance, sent, received, elapsed, alice, bob);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restart_BetweenRegisterAndCall_TheBindingStillReachesTheCallee(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller, Callee]);
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);
        await using var bob = await RegisteredAgentAsync(appliance, "bob", Callee, CalleeTone, tcp, autoAnswer: true);

        await appliance.RestartAsync();
        var (sent, received, elapsed) = await TalkThenCallerHangsUpAsync(appliance, alice, bob);

        // bob registered once, before the restart: the restarted appliance found him through the persisted binding.
        Assert.Single(bob.Events, e => e.Type == "REGISTER_OK");
        AssertInvitesWentOver(tcp, alice, bob);
        await AssertAnsweredRecordAsync(appliance, sent, received, elapsed, alice, bob);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnknownExtension_Is404(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller, Callee]);
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);

        await alice.DialExtensionAsync("299");
        var closed = await alice.WaitForClosedAsync();

        Assert.True(closed.StatusCode == 404, $"{closed}\n{appliance.Describe(alice)}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DoNotDisturb_Is486_WithoutRingingTheCallee_AndIsRecordedBusy(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync(
            [Caller, Callee], prepare: database => Assert.Equal(ChangeResult.Done, new ExtensionRepository(database).SetStatus(Callee, ExtensionStatus.DoNotDisturb)));
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);
        await using var bob = await RegisteredAgentAsync(appliance, "bob", Callee, CalleeTone, tcp, autoAnswer: false);

        await alice.DialExtensionAsync(Callee);
        var closed = await alice.WaitForClosedAsync();

        Assert.True(closed.StatusCode == 486, $"{closed}\n{appliance.Describe(alice, bob)}");
        Assert.DoesNotContain(bob.Events, e => e.Type == "CALL_INCOMING");
        var record = await SingleRecordAfterStopAsync(appliance, alice, bob);
        Assert.Equal(CallStatus.Busy, record.Status);
        Assert.Null(record.AnsweredAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CallerCancels_WhileItRings_Is487_OnBothLegs_AndIsRecordedCancelled(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller, Callee]);
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);
        await using var bob = await RegisteredAgentAsync(appliance, "bob", Callee, CalleeTone, tcp, autoAnswer: false);

        await alice.DialExtensionAsync(Callee);
        await bob.WaitForIncomingCallAsync();
        await alice.WaitForRingingAsync();
        await alice.HangUpAsync();

        await alice.WaitForClosedAsync();
        await bob.WaitForClosedAsync();
        var context = appliance.Describe(alice, bob);
        Assert.True(alice.SipTrace().Any(m => m.IsFrom(appliance.SipPort) && m.IsResponse(487)), $"no 487 for alice's INVITE\n{context}");
        Assert.True(bob.SipTrace().Any(m => m.IsFrom(appliance.SipPort) && m.StartLine.StartsWith("CANCEL ", StringComparison.Ordinal)), $"bob's leg was not cancelled\n{context}");
        var record = await SingleRecordAfterStopAsync(appliance, alice, bob);
        Assert.Equal(CallStatus.Cancelled, record.Status);
        Assert.Null(record.AnsweredAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CalleeNeverAnswers_RingsOutAfterTheRingTime_AndIsRecordedNoAnswer(bool tcp)
    {
        const int ringSeconds = 3;
        await using var appliance = await BaresipAppliance.StartAsync(
            [Caller, Callee], new Dictionary<string, string> { ["Calls:RingSeconds"] = ringSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var alice = await RegisteredAgentAsync(appliance, "alice", Caller, CallerTone, tcp, autoAnswer: true);
        await using var bob = await RegisteredAgentAsync(appliance, "bob", Callee, CalleeTone, tcp, autoAnswer: false);

        await alice.DialExtensionAsync(Callee);
        await bob.WaitForIncomingCallAsync();
        var closed = await alice.WaitForClosedAsync();
        await bob.WaitForClosedAsync();

        Assert.True(closed.StatusCode is >= 400 and < 700, $"{closed}\n{appliance.Describe(alice, bob)}");
        var record = await SingleRecordAfterStopAsync(appliance, alice, bob);
        Assert.Equal(CallStatus.NoAnswer, record.Status);
        Assert.Null(record.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, record.TalkTime);
        // The ring time is at least the configured one: the appliance gave up no earlier than told (a lower bound only).
        Assert.True(record.RingTime >= TimeSpan.FromSeconds(ringSeconds - 0.5), $"ring time {record.RingTime}");
    }

    private static async Task<BaresipAgent> RegisteredAgentAsync(
        BaresipAppliance appliance, string name, string number, int toneHertz, bool tcp, bool autoAnswer)
    {
        var agent = await appliance.StartAgentAsync(name, toneHertz);
        try
        {
            await agent.RegisterAsync(appliance.SipPort, number, appliance.Password(number), tcp, autoAnswer);
            await agent.WaitUntilRegisteredAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    // alice calls bob (auto-answer), both hear each other's tone for TalkAudio, alice hangs up, both legs end.
    private static async Task<(RtpPacketCounts Alice, RtpPacketCounts Bob, TimeSpan Elapsed)> TalkThenCallerHangsUpAsync(
        BaresipAppliance appliance, BaresipAgent alice, BaresipAgent bob)
    {
        var clock = Stopwatch.StartNew();
        await alice.DialExtensionAsync(Callee);
        // The caller first: a refused call fails at once on its side, while the callee would only time out.
        await alice.WaitForEstablishedAsync();
        await bob.WaitForEstablishedAsync();
        await alice.WaitForPeerAudioAsync(TalkAudio);
        await bob.WaitForPeerAudioAsync(TalkAudio);
        await alice.HangUpAsync();
        await alice.WaitForClosedAsync();
        var bobClosed = await bob.WaitForClosedAsync();
        var elapsed = clock.Elapsed;

        var context = appliance.Describe(alice, bob);
        Assert.True(bobClosed.Param == "Connection reset by peer", $"bob's leg ended with {bobClosed}, not the BYE\n{context}");
        var aliceCounts = await alice.WaitForRtpCountsAsync();
        var bobCounts = await bob.WaitForRtpCountsAsync();
        Assert.True(aliceCounts.Received >= TalkPackets && bobCounts.Received >= TalkPackets, $"alice {aliceCounts}, bob {bobCounts}\n{context}");
        // Each heard the other's tone, not its own: the relay crossed the streams the right way round.
        var aliceHeard = alice.RecordedAudio();
        var bobHeard = bob.RecordedAudio();
        Assert.True(aliceHeard.IsToneOf(CalleeTone) && bobHeard.IsToneOf(CallerTone), $"alice heard {aliceHeard}, bob heard {bobHeard}\n{context}");
        return (aliceCounts, bobCounts, elapsed);
    }

    // Both legs used the transport under test: alice's INVITEs to the appliance and the appliance's INVITE to bob.
    private static void AssertInvitesWentOver(bool tcp, BaresipAgent alice, BaresipAgent bob)
    {
        var invites = alice.SipTrace().Concat(bob.SipTrace()).Where(m => m.StartLine.StartsWith("INVITE ", StringComparison.Ordinal)).ToList();
        Assert.Contains(invites, m => m.StartLine.Contains($"@127.0.0.1:{bob.SipPort}", StringComparison.Ordinal));
        Assert.All(invites, m => Assert.Equal(tcp ? "TCP" : "UDP", m.Transport));
    }

    private static async Task AssertAnsweredRecordAsync(
        BaresipAppliance appliance, RtpPacketCounts alice, RtpPacketCounts bob, TimeSpan elapsed, params BaresipAgent[] agents)
    {
        var record = await SingleRecordAfterStopAsync(appliance, agents);
        var context = $"{record}\nalice {alice}, bob {bob}, call took {elapsed}";
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Contains(Caller, record.Caller, StringComparison.Ordinal);
        Assert.Contains(Callee, record.Callee, StringComparison.Ordinal);
        Assert.NotNull(record.AnsweredAt);
        Assert.False(record.IsOpen);
        // Plausible, not timed: the record's times fit inside the call the test saw, and each phone heard a second of the other.
        Assert.True(record.RingTime >= TimeSpan.Zero && record.TalkTime >= TimeSpan.FromSeconds(0.9), context);
        Assert.True(record.RingTime + record.TalkTime <= elapsed + TimeSpan.FromSeconds(1), context);
        // The relay counted what each side sent: at least what made the other side's second of audio, at most what was sent.
        Assert.InRange(record.PacketsFromCaller, TalkPackets, alice.Sent);
        Assert.InRange(record.PacketsFromCallee, TalkPackets, bob.Sent);
    }

    private static async Task<CallRecord> SingleRecordAfterStopAsync(BaresipAppliance appliance, params BaresipAgent[] agents)
    {
        var exitCode = await appliance.StopAsync();
        var records = new CallRecordRepository(appliance.OpenDatabase()).ListRecent();
        Assert.True(exitCode == 0 && records.Count == 1, $"exit code {exitCode}, records:\n{string.Join('\n', records)}\n{appliance.Describe(agents)}");
        return records[0];
    }
}

using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The baresip harness on its own, without the appliance: two agents call each other directly on loopback. This proves
/// that what the appliance tests count (RTP packets received, the peer's tone in the recording, call events) measures
/// real media, so a failure there points at the appliance, not at the harness.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class BaresipSelfTests
{
    private static readonly TimeSpan TalkAudio = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PeerToPeerCall_CarriesEachSidesToneBothWays_AndBothSeeTheHangUp()
    {
        await using var alice = await BaresipAgent.StartAsync("alice", toneHertz: 1000);
        await using var bob = await BaresipAgent.StartAsync("bob", toneHertz: 600);
        await alice.AddPeerAccountAsync("alice");
        await bob.AddPeerAccountAsync("bob", autoAnswer: true);

        await alice.DialAsync(bob.PeerUri("bob"));
        await alice.WaitForEstablishedAsync();
        await bob.WaitForEstablishedAsync();
        await alice.WaitForPeerAudioAsync(TalkAudio);
        await bob.WaitForPeerAudioAsync(TalkAudio);
        await alice.HangUpAsync();

        Assert.Equal("Connection reset by user", (await alice.WaitForClosedAsync()).Param);
        Assert.Equal("Connection reset by peer", (await bob.WaitForClosedAsync()).Param);
        var toBob = await alice.WaitForRtpCountsAsync();
        var toAlice = await bob.WaitForRtpCountsAsync();
        // At ptime 20 one second is 50 packets; the counts come from baresip, the tones from what it decoded.
        Assert.True(toBob.Received >= 50 && toAlice.Received >= 50, $"alice {toBob}, bob {toAlice}\n{alice.Describe(40)}{bob.Describe(40)}");
        AssertHeardTone(alice, bob.ToneHertz);
        AssertHeardTone(bob, alice.ToneHertz);
    }

    private static void AssertHeardTone(BaresipAgent listener, int hertz)
    {
        var audio = listener.RecordedAudio();
        Assert.True(audio.LoudFrames >= 50 && audio.IsToneOf(hertz), $"{listener.Name} expected {hertz} Hz, recorded {audio}\n{listener.Describe(40)}");
    }
}

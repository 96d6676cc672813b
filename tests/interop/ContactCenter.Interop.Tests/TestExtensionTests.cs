using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The test extensions (issue #4 §7) end to end with baresip: the playback test heard as the prompt it plays
/// (cross-correlation with the built prompt, not byte equality), and digits read back by the DTMF test whether they come
/// as RFC 4733 telephone-events or, towards an appliance that offers none, as in-band tones from a sox-made file. The
/// read-back test logs each number it heard and how its digits were signalled; that log line is what is checked.
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class TestExtensionTests
{
    private const string Caller = "201";
    private const int CallerTone = 1000;

    // The settings that take telephone-event out of the appliance's SDP, so that digits can only come in-band.
    private static readonly Dictionary<string, string> NoTelephoneEvent = new() { ["Media:TelephoneEvent"] = "false" };

    // A prompt is some seconds long and loops; a second of the recording is plenty to find it in the prompt.
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // G.711 µ-law and a level change keep the waveform; unrelated audio scores near 0 (see AudioCorrelationTests).
    private const double MatchingPeak = 0.8;

    /// <summary>The playback test's prompt as the build made it, in the appliance's default language (French).</summary>
    private static string PlaybackPrompt => Path.Combine(Path.GetDirectoryName(RepositoryLayout.FirmwareDll)!, "prompts", "fr", "test-playback.wav");

    [Fact]
    public async Task PlaybackTest_IsHeardAsItsPrompt_AndIsRecordedAnswered()
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller]);
        await using var alice = await RegisteredAsync(appliance, await appliance.StartAgentAsync("alice", CallerTone));

        await alice.DialExtensionAsync("*44");
        await alice.WaitForEstablishedAsync();
        await alice.WaitForPeerAudioAsync(Heard);
        await alice.HangUpAsync();
        await alice.WaitForClosedAsync();

        var (peak, lag) = AudioCorrelation.PeakOfLoop(WaveFile.ReadSamples(alice.LastRecording()), WaveFile.ReadSamples(PlaybackPrompt), Window);
        Assert.True(peak >= MatchingPeak, $"the recording matches the prompt only to {peak:0.000} (lag {lag})\n{appliance.Describe(alice)}");
        var record = await SingleRecordAfterStopAsync(appliance, alice);
        Assert.Equal("*44", record.Callee);
        Assert.Equal(CallStatus.Answered, record.Status);
        Assert.Equal(HangupParty.Caller, record.HangupBy);
    }

    [Fact]
    public async Task DtmfReadback_HearsTelephoneEvents_AndWaitsForMore()
    {
        await using var appliance = await BaresipAppliance.StartAsync([Caller]);
        await using var alice = await RegisteredAsync(appliance, await appliance.StartAgentAsync("alice", CallerTone));
        await alice.DialExtensionAsync("*45");
        await alice.WaitForEstablishedAsync();

        await alice.SendDigitsAsync("123#");
        await HeardAsync(appliance, alice, "123", "TelephoneEvent");
        await alice.SendDigitsAsync("4*0#");
        await HeardAsync(appliance, alice, "4*0", "TelephoneEvent");

        await alice.HangUpAsync();
        await alice.WaitForClosedAsync();
    }

    [Fact]
    public async Task DtmfReadback_HearsInBandTones_WhenNoTelephoneEventIsOffered()
    {
        var directory = Directory.CreateTempSubdirectory("cc-dtmf-").FullName;
        try
        {
            var microphone = Path.Combine(directory, "digits.wav");
            await DtmfWave.WriteAsync(microphone, "2580#", leadIn: TimeSpan.FromSeconds(1), tail: TimeSpan.FromMinutes(1));
            await using var appliance = await BaresipAppliance.StartAsync([Caller], NoTelephoneEvent);
            await using var alice = await RegisteredAsync(appliance, await appliance.StartAgentAsync("alice", microphone));

            await alice.DialExtensionAsync("*45");
            await alice.WaitForEstablishedAsync();

            // "InBand" in the line: the endpoint's tone detector found them, there being no telephone-event to carry them.
            await HeardAsync(appliance, alice, "2580", "InBand");
            await alice.HangUpAsync();
            await alice.WaitForClosedAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<BaresipAgent> RegisteredAsync(BaresipAppliance appliance, BaresipAgent agent)
    {
        try
        {
            await agent.RegisterAsync(appliance.SipPort, Caller, appliance.Password(Caller), tcp: false);
            await agent.WaitUntilRegisteredAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    // The read-back test's log line for one number (Pbx event 3200).
    private static async Task HeardAsync(BaresipAppliance appliance, BaresipAgent alice, string digits, string source)
    {
        var line = $"DTMF read-back heard {digits} (signalled by {source})";
        try
        {
            await appliance.Process.WaitForStandardErrorAsync(l => l.Contains(line, StringComparison.Ordinal), BaresipAgent.EventTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the appliance never logged \"{line}\"\n{appliance.Describe(alice)}");
        }
    }

    private static async Task<CallRecord> SingleRecordAfterStopAsync(BaresipAppliance appliance, BaresipAgent agent)
    {
        var exitCode = await appliance.StopAsync();
        var records = new CallRecordRepository(appliance.OpenDatabase()).ListRecent();
        Assert.True(exitCode == 0 && records.Count == 1, $"exit code {exitCode}, records:\n{string.Join('\n', records)}\n{appliance.Describe(agent)}");
        return records[0];
    }
}

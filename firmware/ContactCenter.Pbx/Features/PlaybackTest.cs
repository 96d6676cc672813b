using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;

namespace ContactCenter.Pbx.Features;

/// <summary>The prompt playback test (<c>*44</c>): one prompt played again and again until the caller hangs up.</summary>
internal sealed class PlaybackTest(PromptVoice voice) : ILocalApplication
{
    /// <summary>The prompt it plays (it says what the test is, so it is its own introduction).</summary>
    public const string Prompt = PromptKeys.TestPlayback;

    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Source = voice.Source;
        while (true)
        {
            await voice.SayAsync([Prompt], cancellationToken).ConfigureAwait(false);
        }
    }
}

using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>The prompt playback test (<c>*44</c>): one prompt played again and again until the caller hangs up.</summary>
internal sealed class PlaybackTest(ITestMedia media) : ILocalApplication
{
    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        var voice = media.CreateVoice();
        endpoint.Source = voice.Source;
        while (true)
        {
            await voice.PlayTestPromptAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

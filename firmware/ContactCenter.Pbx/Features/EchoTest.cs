using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The echo test (<c>*43</c>): after saying what it is, the appliance sends back what the caller sends, one frame
/// later (<see cref="EchoSource"/>), until the caller hangs up.
/// </summary>
internal sealed class EchoTest(PromptVoice voice) : ILocalApplication
{
    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Source = voice.Source;
        await voice.SayAsync([PromptKeys.TestEcho], cancellationToken).ConfigureAwait(false);
        var echo = new EchoSource();
        endpoint.Sink = echo;
        endpoint.Source = echo;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }
}

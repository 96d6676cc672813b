using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>The echo test (<c>*43</c>): what the caller sends comes back, until the caller hangs up.</summary>
internal sealed class EchoTest(ITestMedia media) : ILocalApplication
{
    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        var (source, sink) = media.CreateEcho();
        endpoint.Sink = sink;
        endpoint.Source = source;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }
}

using ContactCenter.Media.Endpoints;
using ContactCenter.Pbx.Features;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>A local application the test drives: it runs until the test <see cref="End"/>s or <see cref="Fail"/>s it, or the call cancels it.</summary>
public sealed class FakeApplication(FeatureCode code) : ILocalApplication
{
    private readonly TaskCompletionSource<IMediaEndpoint> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FeatureCode Code { get; } = code;

    /// <summary>Completes with the endpoint once the call runs the application.</summary>
    public Task<IMediaEndpoint> Started => _started.Task;

    /// <summary>Completes when the call cancelled the application.</summary>
    public Task Cancelled => _stopped.Task;

    public bool HasStarted => _started.Task.IsCompleted;

    /// <summary>The application is done: the call should hang up.</summary>
    public void End() => _ending.TrySetResult();

    /// <summary>The application throws.</summary>
    public void Fail(Exception exception) => _ending.TrySetException(exception);

    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        _started.TrySetResult(endpoint);
        try
        {
            await _ending.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _stopped.SetResult();
            throw;
        }
    }
}

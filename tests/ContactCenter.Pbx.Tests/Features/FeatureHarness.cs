using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>The <see cref="CallHarness"/> with feature codes answered by fake endpoints (at most <c>endpoints</c> at once) and fake applications.</summary>
public sealed class FeatureHarness : IAsyncDisposable
{
    private FeatureHarness(CallHarness calls, FakeMediaEndpointFactory endpoints, FakeApplicationFactory applications)
    {
        Calls = calls;
        Endpoints = endpoints;
        Applications = applications;
    }

    public CallHarness Calls { get; }

    public FakeMediaEndpointFactory Endpoints { get; }

    public FakeApplicationFactory Applications { get; }

    public static async Task<FeatureHarness> StartAsync(int endpoints = 4, CallOptions? options = null)
    {
        var factory = new FakeMediaEndpointFactory(endpoints);
        var applications = new FakeApplicationFactory();
        var calls = await CallHarness.StartAsync(options, features: new FeatureServices(factory, applications));
        return new FeatureHarness(calls, factory, applications);
    }

    /// <summary>After the calls ended: <see cref="CallHarness.AssertNothingLeaked"/>, and every endpoint was disposed.</summary>
    public void AssertNothingLeaked()
    {
        Calls.AssertNothingLeaked();
        Xunit.Assert.All(Endpoints.Created, e => Xunit.Assert.True(e.IsDisposed, $"endpoint on port {e.Port} was never disposed"));
    }

    public ValueTask DisposeAsync() => Calls.DisposeAsync();
}

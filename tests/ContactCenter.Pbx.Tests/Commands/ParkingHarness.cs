using ContactCenter.Media.Endpoints;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Parking;
using ContactCenter.Pbx.Tests.Calls;
using ContactCenter.Pbx.Tests.Features;

using Xunit;

namespace ContactCenter.Pbx.Tests.Commands;

/// <summary>The <see cref="CallHarness"/> with parking: fake endpoints for the parked parties, the real hold music library on a clock that never ticks.</summary>
public sealed class ParkingHarness : IAsyncDisposable
{
    private ParkingHarness(CallHarness calls, FakeMediaEndpointFactory endpoints, FakeMediaClock clock)
    {
        Calls = calls;
        Endpoints = endpoints;
        MusicClock = clock;
    }

    public CallHarness Calls { get; }

    public FakeMediaEndpointFactory Endpoints { get; }

    public FakeMediaClock MusicClock { get; }

    public static async Task<ParkingHarness> StartAsync(CallOptions? options = null, bool registerBob = true)
    {
        var endpoints = new FakeMediaEndpointFactory();
        var clock = new FakeMediaClock();
        var parking = new ParkingServices(endpoints, new MusicOnHoldLibrary(clock, new AudioClipCache(TimeSpan.FromMinutes(1))));
        var calls = await CallHarness.StartAsync(options, registerBob: registerBob, parking: parking);
        return new ParkingHarness(calls, endpoints, clock);
    }

    /// <summary>After the calls ended: nothing leaked, every endpoint disposed, the music off the clock.</summary>
    public void AssertNothingLeaked()
    {
        Calls.AssertNothingLeaked();
        Assert.All(Endpoints.Created, e => Assert.True(e.IsDisposed, $"endpoint on port {e.Port} was never disposed"));
        Assert.Equal(0, MusicClock.Registered);
    }

    public ValueTask DisposeAsync() => Calls.DisposeAsync();
}

using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>Creates <see cref="FakeMediaEndpoint"/>s, at most <paramref name="capacity"/> (then "ports exhausted"); keeps them all.</summary>
public sealed class FakeMediaEndpointFactory(int capacity = 16) : IMediaEndpointFactory
{
    private readonly Lock _gate = new();
    private readonly List<FakeMediaEndpoint> _created = [];

    /// <summary>Applied to each endpoint as it is created (e.g. to make it refuse offers).</summary>
    public Action<FakeMediaEndpoint>? Configure { get; set; }

    public IReadOnlyList<FakeMediaEndpoint> Created
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    public bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IMediaEndpoint? endpoint)
    {
        lock (_gate)
        {
            if (_created.Count(e => !e.IsDisposed) >= capacity)
            {
                endpoint = null;
                return false;
            }
            var created = new FakeMediaEndpoint(30000 + (2 * _created.Count));
            Configure?.Invoke(created);
            _created.Add(created);
            endpoint = created;
            return true;
        }
    }
}

using ContactCenter.Pbx.Features;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>Creates a <see cref="FakeApplication"/> per call and keeps them, in order.</summary>
public sealed class FakeApplicationFactory : ILocalApplicationFactory
{
    private readonly Lock _gate = new();
    private readonly List<FakeApplication> _created = [];

    public IReadOnlyList<FakeApplication> Created
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    public ILocalApplication Create(FeatureCode code, string callId)
    {
        var application = new FakeApplication(code);
        lock (_gate)
        {
            _created.Add(application);
        }
        return application;
    }
}

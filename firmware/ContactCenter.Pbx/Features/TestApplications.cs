using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Features;

/// <summary>The applications of the test extensions (issue #4 §7): echo, prompt playback and DTMF read-back.</summary>
public sealed class TestApplications(ITestMedia media, ILoggerFactory loggerFactory) : ILocalApplicationFactory
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TestApplications>();

    /// <inheritdoc/>
    public ILocalApplication Create(FeatureCode code, string callId) => code switch
    {
        FeatureCode.EchoTest => new EchoTest(media),
        FeatureCode.PlaybackTest => new PlaybackTest(media),
        FeatureCode.DtmfReadbackTest => new DtmfReadbackTest(media, callId, _logger),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a feature code"),
    };
}

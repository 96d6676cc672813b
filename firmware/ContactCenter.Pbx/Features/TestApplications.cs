using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The applications of the test extensions (issue #4 §7): echo, prompt playback and DTMF read-back, each speaking the
/// catalogue's default language (<c>Prompts:Language</c>) with its own <see cref="PromptVoice"/>.
/// </summary>
public sealed class TestApplications(PromptCatalogue catalogue, AudioClipCache clips, ILoggerFactory loggerFactory) : ILocalApplicationFactory
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TestApplications>();

    /// <inheritdoc/>
    public ILocalApplication Create(FeatureCode code, string callId)
    {
        var voice = new PromptVoice(catalogue, clips, catalogue.DefaultLanguage);
        return code switch
        {
            FeatureCode.EchoTest => new EchoTest(voice),
            FeatureCode.PlaybackTest => new PlaybackTest(voice),
            FeatureCode.DtmfReadbackTest => new DtmfReadbackTest(voice, callId, _logger),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a feature code"),
        };
    }
}

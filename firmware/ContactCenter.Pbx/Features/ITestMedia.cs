using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The media pieces the test applications are built from, one set per call: an echo (what is received is sent back)
/// and a voice that plays prompts. Implemented on the media engine's echo, prompt player and prompt catalogue.
/// </summary>
public interface ITestMedia
{
    /// <summary>A new echo: the sink takes what the caller sends, the source gives it back.</summary>
    (IAudioSource Source, IAudioSink Sink) CreateEcho();

    /// <summary>A new voice for one call, speaking the appliance's default language.</summary>
    ITestVoice CreateVoice();
}

using ContactCenter.Media.Codecs;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Source-generated log lines of the audio sources and sinks: players, recorder, hold music and mixer (event IDs
/// 2500–2599). The media endpoint itself logs in <see cref="MediaEndpointLog"/>.
/// </summary>
internal static partial class SourcesAndSinksLog
{
    [LoggerMessage(2500, LogLevel.Error, "Recording to {Path} failed after {Duration}; the file keeps what was flushed")]
    public static partial void RecordingFailed(ILogger logger, Exception exception, string path, TimeSpan duration);

    [LoggerMessage(2501, LogLevel.Warning, "Recording to {Path} lost {Frames} frames: the disk fell behind")]
    public static partial void RecordingDroppedFrames(ILogger logger, string path, long frames);

    [LoggerMessage(2510, LogLevel.Warning, "Hold music {Path} cannot be played ({Status}); callers hear the default music")]
    public static partial void HoldMusicUnplayable(ILogger logger, string path, WavReadStatus status);
}

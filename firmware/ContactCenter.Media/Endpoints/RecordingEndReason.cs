namespace ContactCenter.Media.Endpoints;

/// <summary>Why a <see cref="Recorder"/> stopped.</summary>
public enum RecordingEndReason
{
    /// <summary>It reached <see cref="RecorderOptions.MaxDuration"/>.</summary>
    MaxDuration,

    /// <summary>The speaker was silent for <see cref="RecorderOptions.SilenceTimeout"/>.</summary>
    Silence,

    /// <summary>The owner called <see cref="Recorder.Stop"/> (a key pressed, the caller hung up).</summary>
    Stopped,

    /// <summary>The file could not be written (disk full, I/O error): see <see cref="RecordingResult.Error"/>.</summary>
    Failed,
}

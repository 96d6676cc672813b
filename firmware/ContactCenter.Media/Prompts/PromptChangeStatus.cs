namespace ContactCenter.Media.Prompts;

/// <summary>The outcome of replacing a prompt or reverting it to its default.</summary>
public enum PromptChangeStatus
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The key is not one of the known prompts (or is not a key at all); nothing changed.</summary>
    UnknownKey,

    /// <summary>The uploaded file is not a WAVE file the appliance can play; nothing changed.</summary>
    InvalidRecording,
}

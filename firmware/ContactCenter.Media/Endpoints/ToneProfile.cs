namespace ContactCenter.Media.Endpoints;

/// <summary>The national set of call-progress tones callers expect.</summary>
public enum ToneProfile
{
    /// <summary>France: 440 Hz tones.</summary>
    France,

    /// <summary>The ETSI/CEPT harmonised European plan: 425 Hz tones.</summary>
    Europe,

    /// <summary>North America: the dual-frequency "precise tone plan".</summary>
    UnitedStates,
}

namespace ContactCenter.Pbx.Features;

/// <summary>What a dialled feature code starts: an application the appliance answers itself (issue #4 §7).</summary>
public enum FeatureCode
{
    /// <summary>Echo test: what the caller sends comes back.</summary>
    EchoTest,

    /// <summary>Prompt playback test: a prompt played in a loop until the caller hangs up.</summary>
    PlaybackTest,

    /// <summary>DTMF read-back test: digits ended with <c>#</c> are spoken back.</summary>
    DtmfReadbackTest,
}

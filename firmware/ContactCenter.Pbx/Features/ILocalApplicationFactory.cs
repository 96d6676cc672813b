namespace ContactCenter.Pbx.Features;

/// <summary>Creates the application a feature code starts, one per call.</summary>
public interface ILocalApplicationFactory
{
    /// <summary>A new application for one call to <paramref name="code"/>; <paramref name="callId"/> correlates its log lines with the call's.</summary>
    ILocalApplication Create(FeatureCode code, string callId);
}

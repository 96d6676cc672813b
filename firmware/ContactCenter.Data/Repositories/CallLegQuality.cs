namespace ContactCenter.Data.Repositories;

/// <summary>
/// The measured quality of what one party of a call sent (the call quality report): as the media relay saw it.
/// </summary>
/// <param name="LossPercent">Packets lost, in percent of those expected (0–100).</param>
/// <param name="JitterMilliseconds">Mean interarrival jitter in ms.</param>
/// <param name="RoundTripMilliseconds">Mean round-trip time between the appliance and the party in ms; null when RTCP gave none.</param>
/// <param name="Mos">The estimated mean opinion score (1–4.5, simplified E-model).</param>
public readonly record struct CallLegQuality(double LossPercent, double JitterMilliseconds, double? RoundTripMilliseconds, double Mos);

using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>What calls answered by the appliance itself need: media endpoints and the applications behind the feature codes.</summary>
/// <param name="Endpoints">Creates one endpoint per call, on ports of the appliance's RTP range.</param>
/// <param name="Applications">Creates the application of a dialled feature code.</param>
public sealed record FeatureServices(IMediaEndpointFactory Endpoints, ILocalApplicationFactory Applications);

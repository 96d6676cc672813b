namespace ContactCenter.Media.Endpoints;

/// <summary>Creates <see cref="IMediaEndpoint"/>s on ports from the appliance's RTP range.</summary>
public interface IMediaEndpointFactory
{
    /// <summary>Binds a port pair and creates an endpoint with no source or sink yet.</summary>
    /// <param name="endpoint">The endpoint; dispose it when the call ends to return its ports.</param>
    /// <returns>False when the port range is exhausted (answer 503); never throws for that.</returns>
    bool TryCreate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IMediaEndpoint? endpoint);
}

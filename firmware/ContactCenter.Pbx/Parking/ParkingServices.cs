using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Parking;

/// <summary>What parking needs: an endpoint per parked call, on the appliance's RTP ports, and the hold music it plays.</summary>
/// <param name="Endpoints">Creates the endpoint a parked party is moved to.</param>
/// <param name="Music">The shared hold music (the default music: every parked party hears the same playback).</param>
public sealed record ParkingServices(IMediaEndpointFactory Endpoints, MusicOnHoldLibrary Music);

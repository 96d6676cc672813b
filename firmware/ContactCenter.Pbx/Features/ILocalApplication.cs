using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// An application the appliance runs as the callee of a call it answers itself (test extensions now; IVR, voicemail and
/// queues later). The call owns the SIP dialog and the endpoint; the application only drives the endpoint's media.
/// </summary>
public interface ILocalApplication
{
    /// <summary>
    /// Runs once the caller has acknowledged the answer. Returning ends the call (the appliance sends BYE); the call
    /// cancels <paramref name="cancellationToken"/> when it ends otherwise (the caller hung up, the appliance stops), and
    /// waits for this task before it releases the endpoint, so the application must stop promptly when cancelled.
    /// </summary>
    /// <param name="endpoint">The call's media: set its source and sink, read its digits.</param>
    /// <param name="cancellationToken">Cancelled when the call ends.</param>
    Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken);
}

using ContactCenter.Firmware.Hosting;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// Stands in for the SIP core until it is merged: the transport delivers every framed message to
/// <see cref="Receive"/>, which only drops it. The composition root hands this method to
/// <see cref="SipHostedService"/> as its <see cref="SipReceiveHandler"/>; wiring the core means
/// registering the core's handler there instead (see <c>ApplianceHost.AddSip</c>).
/// </summary>
internal sealed class UnwiredSipCore(ILogger<UnwiredSipCore> logger)
{
    /// <summary>Drops the message (logged at Debug).</summary>
    public void Receive(ReadOnlySpan<byte> message, in SipPeer peer) =>
        FirmwareLog.SipMessageDropped(logger, peer.Protocol.ToString(), message.Length, peer.Remote.ToString());
}

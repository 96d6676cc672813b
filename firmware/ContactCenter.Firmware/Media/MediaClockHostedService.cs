using ContactCenter.Media.Clock;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Firmware.Media;

/// <summary>
/// Runs the appliance's one <see cref="MediaClock"/>. Registered before the SIP services, so it starts before any call
/// can arrive and stops after they have ended every call (hosted services stop in reverse order): the endpoints of the
/// ending calls are still ticked while they say goodbye.
/// </summary>
internal sealed class MediaClockHostedService(MediaClock clock) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        clock.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => clock.StopAsync(cancellationToken);
}

using ContactCenter.Pbx.Registrar;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Firmware.Pbx;

/// <summary>Starts the registrar (reloads persisted bindings, arms expiry) after storage and before SIP listens.</summary>
internal sealed class RegistrarHostedService(SipRegistrar registrar) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        registrar.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

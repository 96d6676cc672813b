using ContactCenter.Firmware.Hosting;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Firmware.Panel;

/// <summary>
/// Starts the front panel after storage (its bindings live in the database) and before the listeners, so the power LED
/// blinks "starting" while they come up; once the host has started, the power LED steadies and the ready line gets
/// <c>panel=PROFILE</c> (after <c>sip=</c>: the ApplicationStarted callbacks run before the line is printed).
/// </summary>
internal sealed class FrontPanelHostedService(FrontPanel panel, ReadyLine readyLine, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        panel.Start();
        lifetime.ApplicationStarted.Register(() =>
        {
            readyLine.Add("panel", panel.Profile.Name);
            panel.ShowReady();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

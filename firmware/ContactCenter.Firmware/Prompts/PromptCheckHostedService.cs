using ContactCenter.Media.Prompts;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Firmware.Prompts;

/// <summary>
/// At start, logs whether the voice prompts are there: a build without espeak-ng and sox runs without them, and the
/// log says which are missing and how to get them.
/// </summary>
internal sealed class PromptCheckHostedService(PromptCatalogue catalogue) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalogue.ReportMissing();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

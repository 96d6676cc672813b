using ContactCenter.Pbx.Presence;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Firmware.Pbx;

/// <summary>Runs the <see cref="DirectoryPresenceFeed"/>: extension statuses from the database into the presence model, for the life of the host.</summary>
internal sealed class PresenceFeedHostedService(DirectoryPresenceFeed feed) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await feed.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: not an error (STYLE §7).
        }
    }
}

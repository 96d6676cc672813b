using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using ContactCenter.Data.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Storage;

/// <summary>
/// Starts storage before any listener: the database is opened and migrated when it is resolved; here the
/// records of calls cut by the previous stop are closed as interrupted, the first-start demo extensions are
/// created (credentials logged once and written to the data directory), and the extension directory starts.
/// </summary>
internal sealed class StorageHostedService(
    ContactCenterDatabase database,
    ExtensionDirectory directory,
    TimeProvider time,
    ILogger<StorageHostedService> logger) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = new CallRecordRepository(database).CloseInterrupted(time.GetUtcNow());
        if (interrupted > 0)
        {
            StorageLog.CallsInterrupted(logger, interrupted);
        }

        var demo = DemoData.SeedIfNew(database);
        if (demo.Count > 0)
        {
            foreach (var credential in demo)
            {
                StorageLog.DemoExtension(logger, credential.Number, credential.DisplayName, credential.Password, credential.Realm);
            }

            var dataDirectory = Path.GetDirectoryName(database.Path)!;
            StorageLog.DemoFileWritten(logger, DemoData.WriteCredentialsFile(dataDirectory, demo));
        }

        directory.Start();
        StorageLog.DatabaseReady(logger, database.Path, database.SchemaVersion, directory.Current.Extensions.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;

namespace ContactCenter.Pbx.Presence;

/// <summary>
/// Keeps do not disturb and away in the <see cref="PresenceModel"/> equal to each extension's status in the database
/// (what the web UI, the admin and feature codes set, and what the call router already obeys for DND), so the lamps
/// and PIDF notes say what calls do.
/// </summary>
public sealed class DirectoryPresenceFeed(ExtensionDirectory directory, PresenceModel model)
{
    /// <summary>Applies the current snapshot (unchanged extensions produce no change in the model).</summary>
    public void Apply()
    {
        foreach (var extension in directory.Current.Extensions)
        {
            model.SetAvailability(extension.Number,
                doNotDisturb: extension.Status == ExtensionStatus.DoNotDisturb,
                away: extension.Status == ExtensionStatus.Away);
        }
    }

    /// <summary>Applies the current snapshot, then each new one, until cancelled or the directory is disposed (it is <see cref="ExtensionDirectory.Changes"/>' one reader).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Apply();
        await foreach (var _ in directory.Changes.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Apply();
        }
    }
}

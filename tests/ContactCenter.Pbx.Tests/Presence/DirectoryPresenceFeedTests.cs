using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Tests.Registrar;
using Microsoft.Extensions.Logging.Abstractions;

using Xunit;

namespace ContactCenter.Pbx.Tests.Presence;

public class DirectoryPresenceFeedTests
{
    [Fact]
    public async Task StatusSetInTheDatabase_ReachesTheModel_AsOneChange()
    {
        await using var h = new RegistrarHarness().WithExtensions("201", "202").Started();
        var model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        var repository = new ExtensionRepository(h.Database);
        repository.SetStatus("202", ExtensionStatus.Away);
        var feed = new DirectoryPresenceFeed(h.Directory, model);
        feed.Apply();
        Assert.True(model.Get("202").Away);
        Assert.False(model.Get("201").Away);

        var seen = new List<PresenceSnapshot>();
        var dnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        model.AddObserver(s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
            if (s.DoNotDisturb)
            {
                dnd.TrySetResult();
            }
        });
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);

        repository.SetStatus("202", ExtensionStatus.DoNotDisturb);
        await dnd.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        lock (seen)
        {
            // Away → DND in one step: no moment where the extension looked available.
            var change = Assert.Single(seen);
            Assert.Equal(("202", true, false), (change.Extension, change.DoNotDisturb, change.Away));
        }
    }
}

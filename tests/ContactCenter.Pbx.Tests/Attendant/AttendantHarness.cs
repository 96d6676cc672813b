using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Commands;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Pbx.Tests.Attendant;

/// <summary>
/// The executor over a real SQLite file (demo extensions 100-103, receptionist 100), the real presence model fed from
/// the directory, a recording <see cref="ICallCommands"/> and a fake clock.
/// </summary>
internal sealed class AttendantHarness : IDisposable
{
    private readonly string _path;

    public AttendantHarness(string? receptionist = "100")
    {
        SqliteConnection.ClearAllPools();
        _path = Directory.CreateTempSubdirectory("cc-attendant-").FullName;
        Database = ContactCenterDatabase.Open(_path, Time);
        DemoData.SeedIfNew(Database);
        if (receptionist is not null)
        {
            new PanelRepository(Database).SetReceptionist(receptionist);
        }

        ExtensionDirectory = new ExtensionDirectory(Database, new FakeTimeProvider());
        ExtensionDirectory.Start();
        Model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        Feed = new DirectoryPresenceFeed(ExtensionDirectory, Model);
        Feed.Apply();
        Executor = new AttendantExecutor(Model, Calls, Database, ExtensionDirectory, Time, NullLogger<AttendantExecutor>.Instance);
        Executor.AddObserver(() => Notified++);
        Executor.Load();
    }

    public FakeTimeProvider Time { get; } = new();

    public ContactCenterDatabase Database { get; }

    public ExtensionDirectory ExtensionDirectory { get; }

    public PresenceModel Model { get; }

    public DirectoryPresenceFeed Feed { get; }

    public RecordingCallCommands Calls { get; } = new();

    public AttendantExecutor Executor { get; }

    public int Notified { get; private set; }

    public void Ring(string extension) =>
        Model.SetDialog(extension, new SipDialogInfoEntry { Id = "ring-" + extension, State = SipDialogInfoState.Early, Direction = SipDialogDirection.Recipient });

    public void Answered(string extension) =>
        Model.SetDialog(extension, new SipDialogInfoEntry { Id = "talk-" + extension, State = SipDialogInfoState.Confirmed, Direction = SipDialogDirection.Recipient });

    public void Dispose()
    {
        Executor.Dispose();
        ExtensionDirectory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_path, recursive: true);
    }
}

using ContactCenter.Sip.Tests.Fakes;

namespace ContactCenter.Data.Tests;

/// <summary>A temporary data directory with a fake clock; deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("cc-data-").FullName;

    public FakeTimeProvider Time { get; } = new();

    public string DatabasePath => System.IO.Path.Combine(Path, ContactCenterDatabase.FileName);

    public ContactCenterDatabase Open() => ContactCenterDatabase.Open(Path, Time);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

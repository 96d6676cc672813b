using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Seeding;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class DemoDataTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FirstStart_CreatesFourExtensions_WithStrongPasswords_MatchingTheirHa1()
    {
        var database = _data.Open();

        var created = DemoData.SeedIfNew(database);

        Assert.Equal(["100", "101", "102", "103"], created.Select(c => c.Number));
        var extensions = new ExtensionRepository(database);
        Assert.All(created, c =>
        {
            Assert.True(c.Password.Length >= 16);
            Assert.Equal(Ha1.Sha256(c.Number, c.Realm, c.Password), extensions.Get(c.Number)!.Ha1Sha256);
        });
    }

    [Fact]
    public void Seeding_HappensOnce_EvenAfterTheExtensionsWereRemoved()
    {
        var database = _data.Open();
        DemoData.SeedIfNew(database);
        var extensions = new ExtensionRepository(database);
        foreach (var e in extensions.List())
        {
            extensions.Remove(e.Number);
        }

        Assert.Empty(DemoData.SeedIfNew(_data.Open()));
        Assert.Equal(0, extensions.Count());
    }

    [Fact]
    public void ExistingExtensions_PreventSeeding()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("200", "Zoé", "zoe-pass-4242"));

        Assert.Empty(DemoData.SeedIfNew(database));
    }

    [Fact]
    public void CredentialsFile_IsOwnerOnly_AndListsEveryPassword()
    {
        var created = DemoData.SeedIfNew(_data.Open());

        var path = DemoData.WriteCredentialsFile(_data.Path, created);

        var text = File.ReadAllText(path);
        Assert.All(created, c => Assert.Contains($"extension={c.Number} password={c.Password} domain=contactcenter.local", text, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}

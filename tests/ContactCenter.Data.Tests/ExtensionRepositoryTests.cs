using System.Text;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class ExtensionRepositoryTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly ContactCenterDatabase _database;
    private readonly ExtensionRepository _extensions;

    public ExtensionRepositoryTests()
    {
        _database = _data.Open();
        _extensions = new ExtensionRepository(_database);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Add_StoresBothHa1s_OverNumberRealmPassword()
    {
        Assert.Equal(ChangeResult.Done, _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42", "alice@example.org")));

        var alice = _extensions.Get("100")!;
        Assert.Equal("Alice", alice.DisplayName);
        Assert.Equal("alice@example.org", alice.Email);
        Assert.Equal(ExtensionStatus.Available, alice.Status);
        Assert.Equal(ExtensionRole.User, alice.Role);
        Assert.Equal("contactcenter.local", alice.Ha1Realm);
        Assert.Equal(Ha1.Md5("100", "contactcenter.local", "alice-pass-42"), alice.Ha1Md5);
        Assert.Equal(Ha1.Sha256("100", "contactcenter.local", "alice-pass-42"), alice.Ha1Sha256);
    }

    [Fact]
    public void Add_ExistingNumber_ChangesNothing()
    {
        _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));

        Assert.Equal(ChangeResult.AlreadyExists, _extensions.Add(new NewExtension("100", "Mallory", "other-pass-42")));
        Assert.Equal("Alice", _extensions.Get("100")!.DisplayName);
    }

    [Fact]
    public void Add_UnknownDepartment_IsAnInvalidReference()
    {
        Assert.Equal(ChangeResult.InvalidReference, _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42", DepartmentId: 7)));
        Assert.Equal(0, _extensions.Count());
    }

    [Fact]
    public void ClearPasswords_NeverReachTheFile()
    {
        const string First = "Plaintext-Marker-7731";
        const string Second = "Second-Marker-9924x";
        _extensions.Add(new NewExtension("100", "Alice", First));
        _extensions.SetPassword("100", Second);
        SqliteConnection.ClearAllPools();

        foreach (var file in Directory.GetFiles(_data.Path))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { First, Second })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
            }
        }
    }

    [Fact]
    public void SetPassword_RecomputesBothHa1s()
    {
        _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));

        Assert.Equal(ChangeResult.Done, _extensions.SetPassword("100", "new-pass-4242"));

        var alice = _extensions.Get("100")!;
        Assert.Equal(Ha1.Md5("100", "contactcenter.local", "new-pass-4242"), alice.Ha1Md5);
        Assert.Equal(Ha1.Sha256("100", "contactcenter.local", "new-pass-4242"), alice.Ha1Sha256);
        Assert.Equal(ChangeResult.NotFound, _extensions.SetPassword("999", "new-pass-4242"));
    }

    [Fact]
    public void Ha1_UsesTheRealmSetting()
    {
        new SettingsRepository(_database).Set(SettingsRepository.SipRealmKey, "pbx.office.example");

        _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));

        Assert.Equal(Ha1.Md5("100", "pbx.office.example", "alice-pass-42"), _extensions.Get("100")!.Ha1Md5);
    }

    [Fact]
    public void UpdateName_SetStatus_Remove()
    {
        _extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));

        Assert.Equal(ChangeResult.Done, _extensions.UpdateName("100", "  Alice Martin "));
        Assert.Equal(ChangeResult.Done, _extensions.SetStatus("100", ExtensionStatus.DoNotDisturb));
        Assert.Equal(ChangeResult.NotFound, _extensions.UpdateName("101", "Nobody"));

        var alice = _extensions.Get("100")!;
        Assert.Equal("Alice Martin", alice.DisplayName);
        Assert.Equal(ExtensionStatus.DoNotDisturb, alice.Status);

        Assert.Equal(ChangeResult.Done, _extensions.Remove("100"));
        Assert.Equal(ChangeResult.NotFound, _extensions.Remove("100"));
        Assert.Null(_extensions.Get("100"));
    }

    [Fact]
    public void List_IsOrderedNumerically()
    {
        foreach (var number in new[] { "1000", "101", "99", "100" })
        {
            _extensions.Add(new NewExtension(number, "X" + number, "some-pass-" + number));
        }

        Assert.Equal(["99", "100", "101", "1000"], _extensions.List().Select(e => e.Number));
    }

    [Fact]
    public void Schema_RefusesNonNumericNumbers_EvenWithoutTheRules()
    {
        Assert.Throws<SqliteException>(() => _extensions.Add(new NewExtension("10a", "Bad", "some-pass-42")));
        Assert.Equal(0, _extensions.Count());
    }
}

using ContactCenter.Data;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using ContactCenter.Firmware.Admin;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ContactCenter.Firmware.Tests.Admin;

[Trait("Category", "Integration")]
public sealed class AdminCommandsTests : IDisposable
{
    private readonly string _data = Path.Combine(Directory.CreateTempSubdirectory("cc-admin-").FullName, "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var command = AdminCommandLine.Parse(args[0], args.Skip(1).Append("--data").Append(_data).ToArray(), _ => null);
        Assert.Null(command.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await AdminCommands.RunAsync(command, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Add_GeneratesAndPrintsAStrongPassword_WhoseDigestIsStored()
    {
        var (exit, output, error) = await RunAsync("users", "add", "100", "--name", "Alice");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var password = output.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Trim();
        Assert.Equal(SipPasswordGenerator.DefaultLength, password.Length);
        var stored = new ExtensionRepository(ContactCenterDatabase.Open(_data, TimeProvider.System)).Get("100")!;
        Assert.Equal(Ha1.Md5("100", "contactcenter.local", password), stored.Ha1Md5);
    }

    [Fact]
    public async Task Add_GivenPassword_IsNotEchoed()
    {
        var (exit, output, _) = await RunAsync("users", "add", "100", "--name", "Alice", "--password", "given-pass-42");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("given-pass-42", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Twice_Fails_WithExit1_AndKeepsTheFirst()
    {
        await RunAsync("users", "add", "100", "--name", "Alice");

        var (exit, _, error) = await RunAsync("users", "add", "100", "--name", "Mallory");

        Assert.Equal(1, exit);
        Assert.Equal("error: extension 100 already exists", error.Trim());
        Assert.Equal("Alice", new ExtensionRepository(ContactCenterDatabase.Open(_data, TimeProvider.System)).Get("100")!.DisplayName);
    }

    [Fact]
    public async Task List_ShowsNumberNameStatus_AndNoSecrets()
    {
        await RunAsync("users", "add", "101", "--name", "Bob");
        await RunAsync("users", "add", "100", "--name", "Alice");

        var (exit, output, _) = await RunAsync("users", "list");

        Assert.Equal(0, exit);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("NUMBER", lines[0], StringComparison.Ordinal);
        Assert.Matches("^100 +Alice +available +-$", lines[1]);
        Assert.Matches("^101 +Bob +available +-$", lines[2]);
        var stored = new ExtensionRepository(ContactCenterDatabase.Open(_data, TimeProvider.System)).Get("100")!;
        Assert.DoesNotContain(stored.Ha1Md5, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwd_And_Remove_OfUnknownExtensions_Fail()
    {
        await RunAsync("users", "add", "100", "--name", "Alice");

        Assert.Equal(1, (await RunAsync("users", "passwd", "105")).ExitCode);
        Assert.Equal(1, (await RunAsync("users", "remove", "105")).ExitCode);
        Assert.Equal(0, (await RunAsync("users", "passwd", "100", "--password", "fresh-pass-42")).ExitCode);
        Assert.Equal(0, (await RunAsync("users", "remove", "100")).ExitCode);
        Assert.Equal(1, (await RunAsync("users", "remove", "100")).ExitCode);
    }

    [Fact]
    public async Task ReadCommands_OnAMissingDatabase_Fail_AndCreateNothing()
    {
        var (exit, _, error) = await RunAsync("status");

        Assert.Equal(1, exit);
        Assert.Contains("no database", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    [Fact]
    public async Task Status_ReportsPathSchemaAndCounts()
    {
        await RunAsync("users", "add", "100", "--name", "Alice");

        var (exit, output, _) = await RunAsync("status");

        Assert.Equal(0, exit);
        Assert.Contains($"database: {Path.Combine(_data, "contactcenter.db")}", output, StringComparison.Ordinal);
        // The step the file records, whatever the latest step is.
        Assert.Contains($"schema: {ContactCenterDatabase.Open(_data, TimeProvider.System).SchemaVersion}", output, StringComparison.Ordinal);
        Assert.Contains("extensions: 1", output, StringComparison.Ordinal);
        Assert.Contains("registrations: 0", output, StringComparison.Ordinal);
        Assert.Contains("open calls: 0", output, StringComparison.Ordinal);
    }
}

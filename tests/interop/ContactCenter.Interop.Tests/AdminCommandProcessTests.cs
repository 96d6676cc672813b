using System.Globalization;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>The admin subcommands of DESIGN.md "The command line", run as the real executable.</summary>
[Collection(ApplianceCollection.Name)]
public sealed class AdminCommandProcessTests
{
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task UsersAddListRemove_WithoutTheAppliance()
    {
        var data = ApplianceProcess.NewDataDirectory();
        try
        {
            var add = await ApplianceProcess.RunToExitAsync(["users", "add", "200", "--name", "Zoé Leroy", "--data", data]);
            Assert.Equal(0, add.ExitCode);
            Assert.Empty(add.StandardError);
            Assert.Equal("added extension 200 \"Zoé Leroy\"", add.StandardOutput[0]);
            var password = Assert.Single(add.StandardOutput, l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
            Assert.True(password.Length >= 16);

            var again = await ApplianceProcess.RunToExitAsync(["users", "add", "200", "--name", "Other", "--data", data]);
            Assert.Equal(1, again.ExitCode);
            Assert.Equal(["error: extension 200 already exists"], again.StandardError);

            var bad = await ApplianceProcess.RunToExitAsync(["users", "add", "2x0", "--name", "Bad", "--data", data]);
            Assert.Equal(2, bad.ExitCode);
            Assert.Single(bad.StandardError);

            var list = await ApplianceProcess.RunToExitAsync(["users", "list"], new Dictionary<string, string> { ["CONTACTCENTER_DATA"] = data });
            Assert.Equal(0, list.ExitCode);
            Assert.Equal(2, list.StandardOutput.Count);
            Assert.Matches("^200 +Zoé Leroy +available +-$", list.StandardOutput[1]);
            Assert.DoesNotContain(list.StandardOutput, l => l.Contains(password, StringComparison.Ordinal));

            var status = await ApplianceProcess.RunToExitAsync(["status", "--data", data]);
            Assert.Equal(0, status.ExitCode);
            Assert.Contains("extensions: 1", status.StandardOutput);

            var remove = await ApplianceProcess.RunToExitAsync(["users", "remove", "200", "--data", data]);
            Assert.Equal(0, remove.ExitCode);
            Assert.Equal(["removed extension 200"], remove.StandardOutput);

            var removeAgain = await ApplianceProcess.RunToExitAsync(["users", "remove", "200", "--data", data]);
            Assert.Equal(1, removeAgain.ExitCode);
            Assert.Equal(["error: extension 200 does not exist"], removeAgain.StandardError);

            Assert.Single((await ApplianceProcess.RunToExitAsync(["users", "list", "--data", data])).StandardOutput);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
        }
    }

    [Fact]
    public async Task FirstStart_CreatesDemoExtensions_PrintedOnce_AndKeptInAnOwnerOnlyFile()
    {
        await using var appliance = await ApplianceProcess.StartAsync();

        var demo = appliance.StandardError.Where(l => l.Contains("First start: demo extension", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, demo.Count);
        var file = Path.Combine(appliance.DataDirectory, "demo-extensions.txt");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var text = await File.ReadAllTextAsync(file);
        foreach (var number in new[] { "100", "101", "102", "103" })
        {
            Assert.Contains($"extension={number} password=", text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await appliance.StopAsync());
        await using var again = ApplianceProcess.Launch(ApplianceProcess.DefaultArguments(appliance.DataDirectory), appliance.DataDirectory);
        await again.WaitForReadyAsync();
        Assert.DoesNotContain(again.StandardError, l => l.Contains("First start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunningAppliance_SeesTheCliChange()
    {
        await using var appliance = await ApplianceProcess.StartAsync();
        var before = appliance.StandardError.Count(l => l.Contains("Extension directory reloaded", StringComparison.Ordinal));
        Assert.Equal(1, before);

        var add = await ApplianceProcess.RunToExitAsync(["users", "add", "150", "--name", "Nouveau", "--data", appliance.DataDirectory]);
        Assert.Equal(0, add.ExitCode);
        await appliance.WaitForStandardErrorAsync(l => l.Contains("Extension directory reloaded: 5 extensions", StringComparison.Ordinal), ChangeTimeout);

        var remove = await ApplianceProcess.RunToExitAsync(["users", "remove", "150", "--data", appliance.DataDirectory]);
        Assert.Equal(0, remove.ExitCode);
        await appliance.WaitForStandardErrorAsync(
            l => l.Contains("Extension directory reloaded: 4 extensions (version 3)", StringComparison.Ordinal), ChangeTimeout);

        var status = await ApplianceProcess.RunToExitAsync(["status", "--data", appliance.DataDirectory]);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("extensions: 4", status.StandardOutput);
        // The step the file records, whatever the latest step is (the database opened here is already at it).
        var stored = ContactCenter.Data.ContactCenterDatabase.Open(appliance.DataDirectory, TimeProvider.System).SchemaVersion;
        Assert.Contains(status.StandardOutput, l => l == string.Create(CultureInfo.InvariantCulture, $"schema: {stored}"));
    }
}

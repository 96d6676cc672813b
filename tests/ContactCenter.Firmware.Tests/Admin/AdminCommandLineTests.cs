using ContactCenter.Firmware.Admin;
using ContactCenter.Firmware.CommandLine;
using Xunit;

namespace ContactCenter.Firmware.Tests.Admin;

public sealed class AdminCommandLineTests
{
    private readonly Dictionary<string, string> _environment = [];

    private AdminCommand Parse(params string[] args)
    {
        var top = ApplianceCommandLine.Parse(args, name => _environment.GetValueOrDefault(name));
        Assert.Equal(CommandLineAction.Subcommand, top.Action);
        return AdminCommandLine.Parse(top.Subcommand!, top.SubcommandArguments, name => _environment.GetValueOrDefault(name));
    }

    [Fact]
    public void UsersAdd_ReadsNumberNamePasswordEmailAndData()
    {
        var command = Parse("users", "add", "100", "--name", "Alice Martin", "--password=good-pass-42", "--email", "alice@example.org", "--data", "/tmp/x");

        Assert.Null(command.Error);
        Assert.Equal(AdminVerb.UsersAdd, command.Verb);
        Assert.Equal("100", command.Number);
        Assert.Equal("Alice Martin", command.Name);
        Assert.Equal("good-pass-42", command.Password);
        Assert.Equal("alice@example.org", command.Email);
        Assert.Equal("/tmp/x", command.DataDirectory);
    }

    [Fact]
    public void UsersAdd_WithoutPassword_LeavesItToBeGenerated()
    {
        var command = Parse("users", "add", "100", "--name", "Alice");

        Assert.Null(command.Error);
        Assert.Null(command.Password);
        Assert.Equal(Path.GetFullPath("data"), command.DataDirectory);
    }

    [Fact]
    public void DataDirectory_ComesFromTheEnvironment_UnlessGiven()
    {
        _environment["CONTACTCENTER_DATA"] = "/srv/cc";

        Assert.Equal("/srv/cc", Parse("users", "list").DataDirectory);
        Assert.Equal("/tmp/y", Parse("users", "list", "--data", "/tmp/y").DataDirectory);
    }

    [Theory]
    [InlineData(new[] { "users", "add", "10a", "--name", "A" }, "'10a' is not an extension number")]
    [InlineData(new[] { "users", "add", "100" }, "--name NAME is required")]
    [InlineData(new[] { "users", "add", "100", "--name", "  " }, "the name must not be empty")]
    [InlineData(new[] { "users", "add", "100", "--name", "A", "--password", "short" }, "at least 8 characters")]
    [InlineData(new[] { "users", "add", "100", "--name", "A", "--email", "nope" }, "is not an e-mail address")]
    [InlineData(new[] { "users", "add", "--name", "A" }, "expects one extension NUMBER")]
    [InlineData(new[] { "users", "passwd", "100", "--password", "abc" }, "at least 8 characters")]
    [InlineData(new[] { "users", "passwd", "100", "--name", "A" }, "takes only --password")]
    [InlineData(new[] { "users", "remove" }, "expects one extension NUMBER")]
    [InlineData(new[] { "users", "remove", "100", "101" }, "expects one extension NUMBER")]
    [InlineData(new[] { "users", "list", "extra" }, "takes no arguments")]
    [InlineData(new[] { "users" }, "missing action")]
    [InlineData(new[] { "users", "frob" }, "unknown action 'frob'")]
    [InlineData(new[] { "users", "list", "--sip-port", "5" }, "unknown option '--sip-port'")]
    [InlineData(new[] { "users", "add", "100", "--name" }, "--name: missing value")]
    [InlineData(new[] { "status", "now" }, "status takes no arguments")]
    public void BadInput_IsAUsageError(string[] args, string expected)
    {
        var command = Parse(args);

        Assert.NotNull(command.Error);
        Assert.Contains(expected, command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_IsRecognised()
    {
        Assert.Equal(AdminVerb.Help, Parse("users", "--help").Verb);
        Assert.Contains("users add NUMBER --name NAME", AdminCommandLine.Usage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_TakesData()
    {
        var command = Parse("status", "--data=/tmp/z");

        Assert.Equal(AdminVerb.Status, command.Verb);
        Assert.Equal("/tmp/z", command.DataDirectory);
    }
}

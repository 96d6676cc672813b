using System.Globalization;
using ContactCenter.Data;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Firmware.Admin;

/// <summary>
/// Runs a parsed admin subcommand against the data directory's database. Each change is one transaction;
/// SQLite's WAL and busy timeout let it run next to the appliance. Secrets are printed only when generated.
/// </summary>
internal static class AdminCommands
{
    /// <summary>Exit code of a command that was understood but failed (exists, not found, database unusable).</summary>
    public const int FailureExitCode = 1;

    /// <summary>Runs <paramref name="command"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(AdminCommand command, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (command.Verb == AdminVerb.Help)
        {
            await stdout.WriteAsync(AdminCommandLine.Usage()).ConfigureAwait(false);
            return 0;
        }

        string? problem;
        int exitCode;
        try
        {
            (exitCode, problem) = Run(command, stdout, time);
        }
        catch (Exception ex) when (ex is SqliteException or DatabaseSchemaException or IOException or UnauthorizedAccessException)
        {
            (exitCode, problem) = (FailureExitCode, ex is SqliteException sqlite ? $"database error: {sqlite.Message}" : ex.Message);
        }

        if (problem is not null)
        {
            await stderr.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
        }

        await stdout.FlushAsync().ConfigureAwait(false);
        return exitCode;
    }

    private static (int ExitCode, string? Problem) Run(AdminCommand command, TextWriter stdout, TimeProvider time)
    {
        var path = Path.Combine(command.DataDirectory, ContactCenterDatabase.FileName);
        if (command.Verb == AdminVerb.UsersAdd)
        {
            Directory.CreateDirectory(command.DataDirectory);
        }
        else if (!File.Exists(path))
        {
            return (FailureExitCode, $"no database at '{path}' (start the appliance once, or add a user, with this --data)");
        }

        var database = ContactCenterDatabase.Open(command.DataDirectory, time);
        var extensions = new ExtensionRepository(database);
        var number = command.Number!;
        switch (command.Verb)
        {
            case AdminVerb.UsersAdd:
            {
                var password = command.Password ?? SipPasswordGenerator.Generate();
                switch (extensions.Add(new NewExtension(number, command.Name!, password, command.Email)))
                {
                    case ChangeResult.AlreadyExists:
                        return (FailureExitCode, $"extension {number} already exists");
                    case ChangeResult.Done:
                        stdout.WriteLine($"added extension {number} \"{command.Name}\"");
                        PrintCredentials(stdout, database, number, command.Password is null ? password : null);
                        return (0, null);
                    default:
                        return (FailureExitCode, $"extension {number} was not added");
                }
            }

            case AdminVerb.UsersPasswd:
            {
                var password = command.Password ?? SipPasswordGenerator.Generate();
                if (extensions.SetPassword(number, password) != ChangeResult.Done)
                {
                    return (FailureExitCode, $"extension {number} does not exist");
                }

                stdout.WriteLine($"changed the password of extension {number}");
                PrintCredentials(stdout, database, number, command.Password is null ? password : null);
                return (0, null);
            }

            case AdminVerb.UsersRemove:
                if (extensions.Remove(number) != ChangeResult.Done)
                {
                    return (FailureExitCode, $"extension {number} does not exist");
                }

                stdout.WriteLine($"removed extension {number}");
                return (0, null);

            case AdminVerb.UsersList:
                PrintList(stdout, extensions.List());
                return (0, null);

            case AdminVerb.Status:
                stdout.WriteLine($"database: {database.Path}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schema: {database.SchemaVersion}"));
                stdout.WriteLine($"sip realm: {new SettingsRepository(database).SipRealm()}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extensions: {extensions.Count()}"));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registrations: {new RegistrationRepository(database).CountActive()}"));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open calls: {new CallRecordRepository(database).CountOpen()}"));
                return (0, null);

            default:
                return (CommandLine.CommandLineResult.UsageExitCode, $"unsupported command {command.Verb}");
        }
    }

    private static void PrintCredentials(TextWriter stdout, ContactCenterDatabase database, string number, string? generatedPassword)
    {
        if (generatedPassword is not null)
        {
            stdout.WriteLine($"password: {generatedPassword}");
        }

        stdout.WriteLine($"sip user: {number}  domain: {new SettingsRepository(database).SipRealm()}");
    }

    private static void PrintList(TextWriter stdout, IReadOnlyList<Extension> list)
    {
        var nameWidth = Math.Max(4, list.Count == 0 ? 0 : list.Max(e => e.DisplayName.Length));
        stdout.WriteLine($"{"NUMBER",-10} {"NAME".PadRight(nameWidth)} {"STATUS",-9} DEPARTMENT");
        foreach (var e in list)
        {
            var status = e.Status switch
            {
                ExtensionStatus.Away => "away",
                ExtensionStatus.DoNotDisturb => "dnd",
                _ => "available",
            };
            stdout.WriteLine($"{e.Number,-10} {e.DisplayName.PadRight(nameWidth)} {status,-9} {e.DepartmentName ?? "-"}");
        }
    }
}

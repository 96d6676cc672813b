using System.Text;
using ContactCenter.Data.Credentials;
using ContactCenter.Firmware.CommandLine;

namespace ContactCenter.Firmware.Admin;

/// <summary>
/// Parses the admin subcommands (<c>users add|list|passwd|remove</c>, <c>status</c>). Every input check
/// happens here, before the database is opened, so bad input changes nothing.
/// </summary>
internal static class AdminCommandLine
{
    private static readonly string[] ValueOptions = ["data", "name", "password", "email"];

    /// <summary>Parses the arguments after the subcommand name.</summary>
    public static AdminCommand Parse(string subcommand, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new AdminCommand { Verb = AdminVerb.Help };
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (!ValueOptions.Contains(name, StringComparer.Ordinal))
            {
                return AdminCommand.Fail($"unknown option '--{name}' (see {ApplianceCommandLine.ExecutableName} {subcommand} --help)");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return AdminCommand.Fail($"--{name}: missing value");
            }

            if (!options.TryAdd(name, value))
            {
                return AdminCommand.Fail($"--{name}: given more than once");
            }
        }

        string? dataDirectory = null;
        var dataValue = options.TryGetValue("data", out var fromFlag) ? fromFlag : environment("CONTACTCENTER_DATA") is { Length: > 0 } env ? env : null;
        if (dataValue is not null)
        {
            var problem = OptionValues.FilePath(dataValue, p => dataDirectory = p);
            if (problem is not null)
            {
                return AdminCommand.Fail($"{(fromFlag is null ? "CONTACTCENTER_DATA" : "--data")}: {problem}");
            }
        }

        dataDirectory ??= new ApplianceSettings().DataDirectory;
        return subcommand switch
        {
            "users" => ParseUsers(positional, options, dataDirectory),
            "status" => positional.Count == 0 && Only(options)
                ? new AdminCommand { Verb = AdminVerb.Status, DataDirectory = dataDirectory }
                : AdminCommand.Fail("status takes no arguments besides --data"),
            _ => AdminCommand.Fail($"unknown command '{subcommand}'"),
        };
    }

    /// <summary>The usage text of the admin subcommands.</summary>
    public static string Usage() => new StringBuilder()
        .Append("usage: ").Append(ApplianceCommandLine.ExecutableName).AppendLine(" users add NUMBER --name NAME [--password P] [--email E] [--data DIR]")
        .Append("       ").Append(ApplianceCommandLine.ExecutableName).AppendLine(" users list [--data DIR]")
        .Append("       ").Append(ApplianceCommandLine.ExecutableName).AppendLine(" users passwd NUMBER [--password P] [--data DIR]")
        .Append("       ").Append(ApplianceCommandLine.ExecutableName).AppendLine(" users remove NUMBER [--data DIR]")
        .Append("       ").Append(ApplianceCommandLine.ExecutableName).AppendLine(" status [--data DIR]")
        .AppendLine()
        .AppendLine("Admin commands on the data directory (also CONTACTCENTER_DATA; default ./data). They work")
        .AppendLine("while the appliance runs, which sees the change within a second. Without --password a strong")
        .AppendLine("SIP password is generated and printed once; only its digests are stored.")
        .AppendLine("exit codes: 0 done, 1 failed (e.g. the extension exists), 2 usage error.")
        .ToString();

    private static AdminCommand ParseUsers(List<string> positional, Dictionary<string, string> options, string dataDirectory)
    {
        if (positional.Count == 0)
        {
            return AdminCommand.Fail("users: missing action (add, list, passwd, remove)");
        }

        var action = positional[0];
        var arguments = positional.Skip(1).ToList();
        switch (action)
        {
            case "list":
                return arguments.Count == 0 && Only(options)
                    ? new AdminCommand { Verb = AdminVerb.UsersList, DataDirectory = dataDirectory }
                    : AdminCommand.Fail("users list takes no arguments besides --data");
            case "add" or "passwd" or "remove":
                break;
            default:
                return AdminCommand.Fail($"users: unknown action '{action}' (add, list, passwd, remove)");
        }

        if (arguments.Count != 1)
        {
            return AdminCommand.Fail($"users {action}: expects one extension NUMBER");
        }

        var number = arguments[0];
        if (CredentialRules.CheckNumber(number) is { } badNumber)
        {
            return AdminCommand.Fail($"users {action}: {badNumber}");
        }

        options.TryGetValue("password", out var password);
        if (password is not null && CredentialRules.CheckPassword(password, number) is { } weak)
        {
            return AdminCommand.Fail($"users {action}: --password: {weak}");
        }

        switch (action)
        {
            case "add":
                if (!options.TryGetValue("name", out var name))
                {
                    return AdminCommand.Fail("users add: --name NAME is required");
                }

                if (CredentialRules.CheckName(name) is { } badName)
                {
                    return AdminCommand.Fail($"users add: --name: {badName}");
                }

                options.TryGetValue("email", out var email);
                if (CredentialRules.CheckEmail(email) is { } badEmail)
                {
                    return AdminCommand.Fail($"users add: --email: {badEmail}");
                }

                return new AdminCommand { Verb = AdminVerb.UsersAdd, DataDirectory = dataDirectory, Number = number, Name = name.Trim(), Password = password, Email = email };
            case "passwd":
                return Only(options, "password")
                    ? new AdminCommand { Verb = AdminVerb.UsersPasswd, DataDirectory = dataDirectory, Number = number, Password = password }
                    : AdminCommand.Fail("users passwd takes only --password and --data");
            default:
                return Only(options)
                    ? new AdminCommand { Verb = AdminVerb.UsersRemove, DataDirectory = dataDirectory, Number = number }
                    : AdminCommand.Fail("users remove takes only --data");
        }
    }

    // True when no option other than --data and the allowed ones was given.
    private static bool Only(Dictionary<string, string> options, params string[] allowed) =>
        options.Keys.All(k => k == "data" || allowed.Contains(k, StringComparer.Ordinal));
}

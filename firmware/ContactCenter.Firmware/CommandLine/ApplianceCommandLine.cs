using System.Text;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Firmware.CommandLine;

/// <summary>
/// The command-line contract of DESIGN.md "The command line". Every option is also read from
/// <c>CONTACTCENTER_&lt;NAME&gt;</c> and from the config file; the command line wins over the
/// environment, the environment over the config file, the config file over the defaults.
/// Hand-written: System.CommandLine is not served here, and the contract is small.
/// </summary>
internal static class ApplianceCommandLine
{
    /// <summary>The executable name used in messages.</summary>
    public const string ExecutableName = "contactcenter";

    /// <summary>
    /// The options, in usage order. The rest of the contract (<c>--web-port</c>) is one line each here, plus a property on <see cref="ApplianceSettings"/>,
    /// when the listener behind it exists.
    /// </summary>
    public static readonly IReadOnlyList<ApplianceOption> Options =
    [
        new("data", "DIR", "Data", "data directory (default ./data)",
            static (s, v) => OptionValues.FilePath(v, p => s.DataDirectory = p)),
        new("config", "FILE", null, "settings file appliance.json (default: embedded defaults)",
            static (s, v) => OptionValues.FilePath(v, p => s.ConfigFile = p)),
        new("bind", "ADDR", "Bind", "address to listen on; repeat or comma-separate (default: all IPv4 and IPv6)",
            static (s, v) => OptionValues.Address(v, s.BindAddresses.Add), Repeatable: true),
        new("sip-port", "N", "Sip:Port", "SIP port for UDP and TCP, 0 = any free port (default 5060)",
            static (s, v) => OptionValues.Port(v, p => s.SipPort = p)),
        new("rtp-ports", "A-B", "Rtp:Ports", "UDP port range of the media relay, RTP on even and RTCP on odd ports (default 10000-20000)",
            static (s, v) => OptionValues.PortRange(v, r => s.RtpPorts = r)),
        new("board", "PROFILE", "Board", "front-panel board profile: sim (default), sim-16, pi-hat-8, mcp23017-16, or a .json file",
            static (s, v) => OptionValues.BoardProfile(v, p => s.Board = p)),
    ];

    /// <summary>Admin subcommands (<c>backup</c>, <c>restore</c> come with a later issue).</summary>
    public static readonly IReadOnlyList<string> Subcommands = ["users", "status"];

    /// <summary>Parses <paramref name="args"/> against the environment and the config file it names.</summary>
    /// <param name="args">The arguments, without the executable.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> in production).</param>
    public static CommandLineResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);

        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            var name = args[0];
            return Subcommands.Contains(name, StringComparer.Ordinal)
                ? CommandLineResult.ForSubcommand(name, args.Skip(1).ToArray())
                : CommandLineResult.Fail($"unknown command '{name}' (see {ExecutableName} --help)");
        }

        var fromCommandLine = new Dictionary<ApplianceOption, List<string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return CommandLineResult.Help();
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return CommandLineResult.Fail($"unexpected argument '{arg}' (see {ExecutableName} --help)");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            var option = Find(name);
            if (option is null)
            {
                return CommandLineResult.Fail($"unknown option '--{name}' (see {ExecutableName} --help)");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return CommandLineResult.Fail($"{option.Flag}: missing value {option.ValueName}");
            }

            if (fromCommandLine.TryGetValue(option, out var values))
            {
                if (!option.Repeatable)
                {
                    return CommandLineResult.Fail($"{option.Flag}: given more than once");
                }

                values.Add(value);
            }
            else
            {
                fromCommandLine[option] = [value];
            }
        }

        var settings = new ApplianceSettings();
        var configOption = Find("config")!;
        var configError = Resolve(configOption, settings, fromCommandLine, environment, null, null);
        if (configError is not null)
        {
            return CommandLineResult.Fail(configError);
        }

        IConfiguration? configFile = null;
        if (settings.ConfigFile is { } configPath)
        {
            var label = fromCommandLine.ContainsKey(configOption) ? configOption.Flag : configOption.EnvironmentVariable;
            var readError = TryReadConfigFile(configPath, out configFile);
            if (readError is not null)
            {
                return CommandLineResult.Fail($"{label}: {readError}");
            }
        }

        foreach (var option in Options)
        {
            if (option == configOption)
            {
                continue;
            }

            var error = Resolve(option, settings, fromCommandLine, environment, configFile, settings.ConfigFile);
            if (error is not null)
            {
                return CommandLineResult.Fail(error);
            }
        }

        return CommandLineResult.Run(settings, configFile);
    }

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage()
    {
        var text = new StringBuilder()
            .Append("usage: ").Append(ExecutableName).AppendLine(" [options]")
            .AppendLine()
            .AppendLine("Runs the ContactCenter appliance. Once every listener is up it prints one line")
            .AppendLine("'ready sip=PORT' on standard output; logs go to standard error and DIR/logs.")
            .AppendLine()
            .AppendLine("options (each also from the environment variable shown, and from the config file key):");
        foreach (var option in Options)
        {
            var flag = $"{option.Flag} {option.ValueName}";
            text.Append("  ").Append(flag.PadRight(18)).AppendLine(option.Description);
            text.Append(' ', 20).Append(option.EnvironmentVariable);
            if (option.ConfigKey is not null)
            {
                text.Append(", appliance.json \"").Append(option.ConfigKey).Append('"');
            }

            text.AppendLine();
        }

        text.Append("  ").Append("-h, --help".PadRight(18)).AppendLine("show this help")
            .AppendLine()
            .AppendLine("admin commands (see 'contactcenter users --help'):")
            .AppendLine("  users add|list|passwd|remove, status")
            .AppendLine()
            .AppendLine("precedence: command line, then environment, then config file, then defaults.")
            .AppendLine("exit codes: 0 clean stop, 1 start failure (data directory, port in use), 2 usage error.");
        return text.ToString();
    }

    private static ApplianceOption? Find(string name)
    {
        foreach (var option in Options)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    // Applies the values of the highest-precedence source that sets the option. Only the winning
    // source is validated: a stale environment variable overridden on the command line is harmless.
    private static string? Resolve(
        ApplianceOption option,
        ApplianceSettings settings,
        Dictionary<ApplianceOption, List<string>> fromCommandLine,
        Func<string, string?> environment,
        IConfiguration? configFile,
        string? configPath)
    {
        string label;
        IReadOnlyList<string> raw;
        if (fromCommandLine.TryGetValue(option, out var cli))
        {
            (label, raw) = (option.Flag, cli);
        }
        else if (environment(option.EnvironmentVariable) is { Length: > 0 } env)
        {
            (label, raw) = (option.EnvironmentVariable, [env]);
        }
        else if (configFile is not null && option.ConfigKey is { } key && ReadConfigValues(configFile, key) is { Count: > 0 } fromFile)
        {
            (label, raw) = ($"{configPath}: {key}", fromFile);
            if (fromFile.Count > 1 && !option.Repeatable)
            {
                return $"{label}: expects one value, not a list";
            }
        }
        else
        {
            return null;
        }

        foreach (var value in raw)
        {
            var items = option.Repeatable
                ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [value];
            if (items.Length == 0)
            {
                return $"{label}: missing value {option.ValueName}";
            }

            foreach (var item in items)
            {
                var problem = option.Apply(settings, item);
                if (problem is not null)
                {
                    return $"{label}: {problem}";
                }
            }
        }

        return null;
    }

    private static List<string> ReadConfigValues(IConfiguration configFile, string key)
    {
        if (configFile[key] is { } scalar)
        {
            return [scalar];
        }

        var values = new List<string>();
        foreach (var child in configFile.GetSection(key).GetChildren())
        {
            if (child.Value is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string? TryReadConfigFile(string path, out IConfiguration? configuration)
    {
        configuration = null;
        try
        {
            using var stream = File.OpenRead(path);
            configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot read '{path}': {ex.Message}";
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            return $"'{path}' is not valid JSON: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }
}

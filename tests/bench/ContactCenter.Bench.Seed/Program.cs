using System.Globalization;
using ContactCenter.Data;
using ContactCenter.Data.Credentials;
using ContactCenter.Data.Repositories;

namespace ContactCenter.Bench.Seed;

/// <summary>
/// Creates the benchmark extensions in a data directory before the appliance starts: numbers BASE..BASE+COUNT-1, one
/// password, through <see cref="ExtensionRepository"/> (the HA1s the appliance verifies against, nothing else).
/// One process instead of COUNT runs of <c>contactcenter users add</c>, which start the runtime each time.
/// Prints <c>seeded N realm=REALM</c>; exit 0 done, 1 failed, 2 usage.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: ContactCenter.Bench.Seed --data DIR --base N --count N --password P";

    private static int Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0
            || !options.TryGetValue("--data", out var data)
            || !options.TryGetValue("--password", out var password)
            || !TryGetNumber(options, "--base", out var first)
            || !TryGetNumber(options, "--count", out var count)
            || count < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Directory.CreateDirectory(data);
        var database = ContactCenterDatabase.Open(data, TimeProvider.System);
        var extensions = new ExtensionRepository(database);
        for (var n = first; n < first + count; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            if ((CredentialRules.CheckNumber(number) ?? CredentialRules.CheckPassword(password, number)) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return 1;
            }

            var result = extensions.Add(new NewExtension(number, $"Bench {number}", password));
            if (result != ChangeResult.Done)
            {
                Console.Error.WriteLine($"error: extension {number}: {result}");
                return 1;
            }
        }

        Console.WriteLine($"seeded {count} realm={new SettingsRepository(database).SipRealm()}");
        return 0;
    }

    private static bool TryGetNumber(Dictionary<string, string> options, string name, out long value)
    {
        value = 0;
        return options.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// sipp registers with digest auth against the running appliance (issue #3 §2, §7). sipp 3.6 answers only MD5 and reads
/// only the first challenge, so the appliance runs with <c>Registrar:DigestAlgorithms = MD5</c> (SHA-256 first is the
/// default and is covered in-process by ContactCenter.Pbx.Tests).
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class SippRegisterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_WithDigest_IsAccepted(bool tcp)
    {
        var work = Directory.CreateTempSubdirectory("cc-sipp-inf-").FullName;
        await using var appliance = await ApplianceProcess.StartAsync("--config", Md5Config(work));
        var (number, password) = DemoCredential(appliance.DataDirectory);
        try
        {
            var result = await Sipp.RunAsync("register_digest.xml", appliance.SipPort, tcp, injectionFile: Injection(work, number, password));

            Assert.True(result.ExitCode == 0, result.ToString());
            // Written through to the database: another process (the CLI) sees the binding the running appliance holds.
            var status = await ApplianceProcess.RunToExitAsync(["status", "--data", appliance.DataDirectory]);
            Assert.Contains("registrations: 1", status.StandardOutput);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_WithAWrongPassword_IsNeverAccepted(bool tcp)
    {
        var work = Directory.CreateTempSubdirectory("cc-sipp-inf-").FullName;
        await using var appliance = await ApplianceProcess.StartAsync("--config", Md5Config(work));
        var (number, _) = DemoCredential(appliance.DataDirectory);
        try
        {
            var result = await Sipp.RunAsync("register_digest_refused.xml", appliance.SipPort, tcp, injectionFile: Injection(work, number, "not-the-password"));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(result.Messages(), m => !m.Sent && m.StartLine.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
            var status = await ApplianceProcess.RunToExitAsync(["status", "--data", appliance.DataDirectory]);
            Assert.Contains("registrations: 0", status.StandardOutput);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Md5Config(string directory)
    {
        var path = Path.Combine(directory, "appliance.json");
        File.WriteAllText(path, """{ "Registrar": { "DigestAlgorithms": "MD5" } }""");
        return path;
    }

    private static string Injection(string directory, string number, string password)
    {
        var path = Path.Combine(directory, "credentials.csv");
        File.WriteAllLines(path, ["SEQUENTIAL", $"{number};[authentication username={number} password={password}]"]);
        return path;
    }

    // The first demo extension and its generated password, from <data>/demo-extensions.txt.
    private static (string Number, string Password) DemoCredential(string dataDirectory)
    {
        var line = File.ReadAllLines(Path.Combine(dataDirectory, "demo-extensions.txt")).First(l => l.StartsWith("extension=", StringComparison.Ordinal));
        var fields = line.Split(' ');
        return (fields[0]["extension=".Length..], fields[1]["password=".Length..]);
    }
}

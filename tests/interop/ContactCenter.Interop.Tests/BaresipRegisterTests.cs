using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// baresip softphones register with the appliance's registrar (issue #3 §7), over UDP and TCP, with the credentials the
/// admin CLI generated. The appliance runs with MD5 digest only: Debian's baresip 1.0.0 cannot answer SHA-256 (see
/// <see cref="BaresipAgent"/>).
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed class BaresipRegisterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoAgents_RegisterWithTheCredentialsTheCliGenerated(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync(["201", "202"]);
        await using var alice = await appliance.StartAgentAsync("alice", toneHertz: 1000);
        await using var bob = await appliance.StartAgentAsync("bob", toneHertz: 600);

        await alice.RegisterAsync(appliance.SipPort, "201", appliance.Password("201"), tcp);
        await bob.RegisterAsync(appliance.SipPort, "202", appliance.Password("202"), tcp);
        await alice.WaitUntilRegisteredAsync();
        await bob.WaitUntilRegisteredAsync();

        Assert.Contains("registrations: 2", await appliance.StatusAsync());
        var bindings = new RegistrationRepository(appliance.OpenDatabase()).ListActive();
        Assert.Equal(["201", "202"], bindings.Select(b => b.ExtensionNumber).Order());
        Assert.All(bindings, b =>
        {
            Assert.Equal(tcp ? "tcp" : "udp", b.Transport, ignoreCase: true);
            Assert.StartsWith("baresip", b.UserAgent, StringComparison.Ordinal);
        });
        Assert.Contains(bindings, b => b.ContactUri.Contains($"@127.0.0.1:{alice.SipPort}", StringComparison.Ordinal));
        Assert.Contains(bindings, b => b.ContactUri.Contains($"@127.0.0.1:{bob.SipPort}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WrongPassword_NeverRegisters(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync(["201"]);
        await using var mallory = await appliance.StartAgentAsync("mallory", toneHertz: 1000);

        await mallory.RegisterAsync(appliance.SipPort, "201", "not-the-Password-42", tcp);
        var outcome = await mallory.WaitForRegistrationAsync();

        var context = appliance.Describe(mallory);
        Assert.True(outcome.Type == "REGISTER_FAIL" && outcome.StatusCode is 401 or 403, $"{outcome}\n{context}");
        Assert.DoesNotContain(mallory.Events, e => e.Type == "REGISTER_OK");
        // Every answer to its REGISTERs is a challenge or a refusal: the first 401 and each retry with the wrong response.
        var answers = mallory.SipTrace().Where(m => m.IsFrom(appliance.SipPort)).ToList();
        Assert.True(answers.Count >= 2, context);
        Assert.All(answers, m => Assert.True(m.IsResponse(401) || m.IsResponse(403), $"{m.StartLine}\n{context}"));
        Assert.Contains(appliance.Process.StandardError, l => l.Contains("authentication failed for 201", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("registrations: 0", await appliance.StatusAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restart_KeepsTheBaresipBinding(bool tcp)
    {
        await using var appliance = await BaresipAppliance.StartAsync(["201"]);
        await using var alice = await appliance.StartAgentAsync("alice", toneHertz: 1000);
        await alice.RegisterAsync(appliance.SipPort, "201", appliance.Password("201"), tcp);
        await alice.WaitUntilRegisteredAsync();

        await appliance.RestartAsync();

        // Logged before the ready line, so before baresip could have registered again: the binding came from the database.
        Assert.Contains(appliance.Process.StandardError, l => l.Contains("Loaded 1 persisted registrations", StringComparison.Ordinal));
        var binding = Assert.Single(new RegistrationRepository(appliance.OpenDatabase()).ListActive("201"));
        Assert.Contains($"@127.0.0.1:{alice.SipPort}", binding.ContactUri, StringComparison.Ordinal);
        Assert.Contains("registrations: 1", await appliance.StatusAsync());
        Assert.Single(alice.Events, e => e.Type == "REGISTER_OK");
    }
}

using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Data.Tests;

[Trait("Category", "Integration")]
public sealed class RegistrationRepositoryTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private Registration Binding(string contact, TimeSpan expiresIn, long cseq = 1) => new(
        "100", contact, "192.168.1.20", 5062, "udp", "<urn:uuid:00000000-0000-0000-0000-000000000001>",
        _data.Time.GetUtcNow() + expiresIn, "call-1@phone", cseq, "Yealink SIP-T54W", null);

    [Fact]
    public void Bindings_SurviveReopen_UntilTheyExpire()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        Assert.Equal(ChangeResult.Done, registrations.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(3600))));
        Assert.Equal(ChangeResult.Done, registrations.Upsert(Binding("sip:100@10.0.0.5", TimeSpan.FromSeconds(60))));

        var reopened = new RegistrationRepository(_data.Open());
        var active = reopened.ListActive("100");
        Assert.Equal(2, active.Count);
        var first = active.Single(r => r.ContactUri == "sip:100@192.168.1.20:5062");
        Assert.Equal(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(3600)), first);

        _data.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("sip:100@192.168.1.20:5062", Assert.Single(reopened.ListActive()).ContactUri);
        Assert.Equal(1, reopened.RemoveExpired());
        Assert.Equal(1, reopened.CountActive());
    }

    [Fact]
    public void Upsert_RefreshesTheSameContact()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        registrations.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(60), cseq: 1));

        registrations.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(600), cseq: 2));

        var binding = Assert.Single(registrations.ListActive());
        Assert.Equal(2, binding.CSeq);
        Assert.Equal(_data.Time.GetUtcNow() + TimeSpan.FromSeconds(600), binding.ExpiresAt);
    }

    [Fact]
    public void Upsert_UnknownExtension_IsNotFound_AndRemovingTheExtensionRemovesItsBindings()
    {
        var database = _data.Open();
        var registrations = new RegistrationRepository(database);
        Assert.Equal(ChangeResult.NotFound, registrations.Upsert(Binding("sip:100@x", TimeSpan.FromSeconds(60))));

        var extensions = new ExtensionRepository(database);
        extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));
        registrations.Upsert(Binding("sip:100@x", TimeSpan.FromSeconds(60)));
        extensions.Remove("100");

        Assert.Empty(registrations.ListActive());
    }

    [Fact]
    public void Remove_And_RemoveAll()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        registrations.Upsert(Binding("sip:100@a", TimeSpan.FromSeconds(60)));
        registrations.Upsert(Binding("sip:100@b", TimeSpan.FromSeconds(60)));
        registrations.Upsert(Binding("sip:100@c", TimeSpan.FromSeconds(60)));

        Assert.Equal(ChangeResult.Done, registrations.Remove("100", "sip:100@a"));
        Assert.Equal(ChangeResult.NotFound, registrations.Remove("100", "sip:100@a"));
        Assert.Equal(2, registrations.RemoveAll("100"));
        Assert.Empty(registrations.ListActive());
    }
}

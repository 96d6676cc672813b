using ContactCenter.Data.Repositories;
using Xunit;

namespace ContactCenter.Data.Tests;

/// <summary>Registrations written through the group-committing <see cref="RegistrationWriter"/>, read back through the repository.</summary>
[Trait("Category", "Integration")]
public sealed class RegistrationRepositoryTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private Registration Binding(string contact, TimeSpan expiresIn, long cseq = 1) => new(
        "100", contact, "192.168.1.20", 5062, "udp", "<urn:uuid:00000000-0000-0000-0000-000000000001>",
        _data.Time.GetUtcNow() + expiresIn, "call-1@phone", cseq, "Yealink SIP-T54W", null);

    [Fact]
    public async Task Bindings_SurviveReopen_UntilTheyExpire()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        await using var writer = new RegistrationWriter(database);
        Assert.Equal(ChangeResult.Done, await writer.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(3600))));
        Assert.Equal(ChangeResult.Done, await writer.Upsert(Binding("sip:100@10.0.0.5", TimeSpan.FromSeconds(60))));

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
    public async Task Upsert_RefreshesTheSameContact()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        await using var writer = new RegistrationWriter(database);
        await writer.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(60), cseq: 1));

        await writer.Upsert(Binding("sip:100@192.168.1.20:5062", TimeSpan.FromSeconds(600), cseq: 2));

        var binding = Assert.Single(registrations.ListActive());
        Assert.Equal(2, binding.CSeq);
        Assert.Equal(_data.Time.GetUtcNow() + TimeSpan.FromSeconds(600), binding.ExpiresAt);
    }

    [Fact]
    public async Task Upsert_UnknownExtension_IsNotFound_AndRemovingTheExtensionRemovesItsBindings()
    {
        var database = _data.Open();
        var registrations = new RegistrationRepository(database);
        await using var writer = new RegistrationWriter(database);
        Assert.Equal(ChangeResult.NotFound, await writer.Upsert(Binding("sip:100@x", TimeSpan.FromSeconds(60))));

        var extensions = new ExtensionRepository(database);
        extensions.Add(new NewExtension("100", "Alice", "alice-pass-42"));
        await writer.Upsert(Binding("sip:100@x", TimeSpan.FromSeconds(60)));
        extensions.Remove("100");

        Assert.Empty(registrations.ListActive());
    }

    [Fact]
    public async Task Remove_And_RemoveAll()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        await using var writer = new RegistrationWriter(database);
        await writer.Upsert(Binding("sip:100@a", TimeSpan.FromSeconds(60)));
        await writer.Upsert(Binding("sip:100@b", TimeSpan.FromSeconds(60)));
        await writer.Upsert(Binding("sip:100@c", TimeSpan.FromSeconds(60)));

        Assert.Equal(ChangeResult.Done, await writer.Remove("100", "sip:100@a"));
        Assert.Equal(ChangeResult.NotFound, await writer.Remove("100", "sip:100@a"));
        Assert.Equal(2, await writer.RemoveAll("100"));
        Assert.Empty(registrations.ListActive());
    }

    [Fact]
    public async Task ABurstOfChanges_IsCommittedInOrder_AndEachWaiterSeesItsOwnResult()
    {
        var database = _data.Open();
        new ExtensionRepository(database).Add(new NewExtension("100", "Alice", "alice-pass-42"));
        var registrations = new RegistrationRepository(database);
        await using var writer = new RegistrationWriter(database);

        var upserts = Enumerable.Range(0, 300).Select(i => writer.Upsert(Binding($"sip:100@10.0.0.{i}", TimeSpan.FromSeconds(60)))).ToList();
        var removeAll = writer.RemoveAll("100");
        var last = writer.Upsert(Binding("sip:100@10.0.1.1", TimeSpan.FromSeconds(60)));

        Assert.All(await Task.WhenAll(upserts), r => Assert.Equal(ChangeResult.Done, r));
        Assert.Equal(300, await removeAll);
        Assert.Equal(ChangeResult.Done, await last);
        Assert.Equal("sip:100@10.0.1.1", Assert.Single(registrations.ListActive()).ContactUri);
    }
}

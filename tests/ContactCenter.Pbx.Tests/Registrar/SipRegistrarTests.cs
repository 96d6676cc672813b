using System.Net;
using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

using Xunit;

namespace ContactCenter.Pbx.Tests.Registrar;

[Trait("Category", "Integration")]
public class SipRegistrarTests
{
    private static readonly IPEndPoint PhoneNat = new(IPAddress.Parse("203.0.113.7"), 40001);

    [Fact]
    public async Task Register_WithoutCredentials_IsChallengedWithSha256AndMd5()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var response = await h.SendAsync(new FakePhone("200", RegistrarHarness.Password).Register());

        Assert.Equal(401, response.StatusCode);
        var challenges = response.GetHeaders(SipHeaderId.WwwAuthenticate).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Contains("SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Contains("MD5", challenges[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Md5Only_IsOneMd5Challenge_AndRegisters()
    {
        await using var h = new RegistrarHarness(new RegistrarOptions { DigestAlgorithms = "MD5" }).WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        var challenge = await h.SendAsync(phone.Register());

        Assert.Contains("MD5", Assert.Single(challenge.GetHeaders(SipHeaderId.WwwAuthenticate)), StringComparison.Ordinal);
        Assert.Equal(200, (await h.SendAsync(phone.Register(challenge: challenge))).StatusCode);
    }

    [Fact]
    public async Task Register_WithRightPassword_BindsTheContactAtItsReceivedAddress()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);

        var ok = await phone.RegisterAsync(h, expires: 600, from: PhoneNat);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<{phone.Contact}>;expires=600", Assert.Single(ok.GetHeaders(SipHeaderId.Contact)));
        Assert.NotNull(ok.GetHeader("Date"));
        var binding = Assert.Single(h.Registrar.GetContacts("200"));
        Assert.Equal(PhoneNat, binding.Received);
        Assert.Equal(SipTransportProtocol.Udp, binding.Transport);
        Assert.True(h.Registrar.Changes.TryRead(out var change));
        Assert.Equal(RegistrationChange.Added, change.Change);
        Assert.Single(new RegistrationRepository(h.Database).ListActive("200"));
    }

    [Fact]
    public async Task Register_WithWrongPassword_IsChallengedAgain_NeverAccepted()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var response = await new FakePhone("200", "wrong-password").RegisterAsync(h);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(h.Registrar.GetContacts("200"));
    }

    [Fact]
    public async Task UnknownExtension_IsAnsweredLikeAWrongPassword()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var wrong = await new FakePhone("200", "wrong-password").RegisterAsync(h);
        var unknown = await new FakePhone("999", "wrong-password").RegisterAsync(h);

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(wrong.ReasonPhrase, unknown.ReasonPhrase);
        Assert.Equal(Shape(wrong), Shape(unknown));

        static string Shape(SipMessage m) => string.Join(",", m.Headers.Select(x => x.Name)) + "|"
            + string.Join(",", m.GetHeaders(SipHeaderId.WwwAuthenticate).Select(v => v.Split("nonce=")[0]));
    }

    [Fact]
    public async Task ExpiredNonce_IsChallengedAgainWithStaleTrue()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        var challenge = await h.SendAsync(phone.Register());
        h.Time.Advance(TimeSpan.FromMinutes(6));

        var stale = await h.SendAsync(phone.Register(challenge: challenge));

        Assert.Equal(401, stale.StatusCode);
        Assert.All(stale.GetHeaders(SipHeaderId.WwwAuthenticate), v => Assert.Contains("stale=true", v, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(200, (await h.SendAsync(phone.Register(challenge: stale))).StatusCode);
        Assert.Empty(h.Registrar.Guard.ListBans());
    }

    [Fact]
    public async Task RegisterWithoutContact_ListsTheCurrentBindings()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        await phone.RegisterAsync(h, expires: 600);
        h.Time.Advance(TimeSpan.FromSeconds(100));

        var challenge = await h.SendAsync(phone.Register());
        var query = phone.Register(challenge: challenge).Remove(SipHeaderId.Contact);
        var ok = await h.SendAsync(query);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<{phone.Contact}>;expires=500", Assert.Single(ok.GetHeaders(SipHeaderId.Contact)));
    }

    [Fact]
    public async Task Binding_Expires_WhenNotRefreshed()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        Assert.Equal(200, (await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, expires: 120)).StatusCode);
        h.Registrar.Changes.TryRead(out _);

        h.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(h.Registrar.GetContacts("200"));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(h.Registrar.GetContacts("200"));
        Assert.True(h.Registrar.Changes.TryRead(out var change));
        Assert.Equal(RegistrationChange.Expired, change.Change);
        Assert.Empty(new RegistrationRepository(h.Database).ListActive());
    }

    [Fact]
    public async Task Refresh_ExtendsTheBinding()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        await phone.RegisterAsync(h, expires: 120);
        h.Time.Advance(TimeSpan.FromSeconds(100));
        var ok = await phone.RegisterAsync(h, expires: 120);
        Assert.Equal(200, ok.StatusCode);

        h.Time.Advance(TimeSpan.FromSeconds(100));
        Assert.Single(h.Registrar.GetContacts("200"));
    }

    [Fact]
    public async Task Wildcard_WithExpiresZero_RemovesEveryContact()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        await phone.RegisterAsync(h, contactHeader: "<sip:a@10.0.0.1>, <sip:b@10.0.0.2>");
        Assert.Equal(2, h.Registrar.GetContacts("200").Count);

        var ok = await phone.RegisterAsync(h, expires: 0, contactHeader: "*");

        Assert.Equal(200, ok.StatusCode);
        Assert.Empty(ok.GetHeaders(SipHeaderId.Contact));
        Assert.Empty(h.Registrar.GetContacts("200"));
        Assert.Empty(new RegistrationRepository(h.Database).ListActive());
    }

    [Fact]
    public async Task Wildcard_WithoutExpiresZero_Is400()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        Assert.Equal(400, (await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, expires: 60, contactHeader: "*")).StatusCode);
    }

    [Fact]
    public async Task ExpiresZero_RemovesOneContact()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        await phone.RegisterAsync(h, contactHeader: "<sip:a@10.0.0.1>, <sip:b@10.0.0.2>");

        var ok = await phone.RegisterAsync(h, contactHeader: "<sip:a@10.0.0.1>;expires=0");

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("sip:b@10.0.0.2", Assert.Single(h.Registrar.GetContacts("200")).ContactUri);
    }

    [Fact]
    public async Task TooBriefExpires_Is423_WithMinExpires()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var response = await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, expires: 30);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.GetHeader(SipHeaderId.MinExpires));
        Assert.Empty(h.Registrar.GetContacts("200"));
    }

    [Fact]
    public async Task LongExpires_IsLoweredToTheMaximum()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var ok = await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(h, expires: 86400);
        Assert.EndsWith(";expires=3600", Assert.Single(ok.GetHeaders(SipHeaderId.Contact)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralPhones_EachHoldAContact_AndBeyondTheMaximumTheOldestIsReplaced()
    {
        await using var h = new RegistrarHarness(new RegistrarOptions { MaxContactsPerExtension = 2 }).WithExtensions("200").Started();
        await new FakePhone("200", RegistrarHarness.Password, "sip:desk@10.0.0.1").RegisterAsync(h, expires: 600);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await new FakePhone("200", RegistrarHarness.Password, "sip:soft@10.0.0.2").RegisterAsync(h, expires: 600);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var ok = await new FakePhone("200", RegistrarHarness.Password, "sip:mobile@10.0.0.3").RegisterAsync(h, expires: 600);

        Assert.Equal(2, ok.GetHeaders(SipHeaderId.Contact).Count());
        Assert.Equal(["sip:mobile@10.0.0.3", "sip:soft@10.0.0.2"], h.Registrar.GetContacts("200").Select(b => b.ContactUri).ToArray());
    }

    [Fact]
    public async Task SameInstance_WithANewContactUri_ReplacesItsBinding()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        await phone.RegisterAsync(h, contactHeader: "<sip:p@10.0.0.1>;+sip.instance=\"<urn:uuid:1>\"");
        var ok = await phone.RegisterAsync(h, contactHeader: "<sip:p@10.0.0.9>;+sip.instance=\"<urn:uuid:1>\"");

        Assert.Contains("urn:uuid:1", Assert.Single(ok.GetHeaders(SipHeaderId.Contact)), StringComparison.Ordinal);
        Assert.Equal("sip:p@10.0.0.9", Assert.Single(h.Registrar.GetContacts("200")).ContactUri);
        Assert.Single(new RegistrationRepository(h.Database).ListActive());
    }

    [Fact]
    public async Task SameCallId_WithAnOlderCSeq_IsRefused()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        var late = phone.Register(challenge: await h.SendAsync(phone.Register()));   // CSeq 2, delivered after CSeq 4
        var fresh = phone.Register(challenge: await h.SendAsync(phone.Register()));  // CSeq 4, another nonce
        Assert.Equal(200, (await h.SendAsync(fresh)).StatusCode);

        Assert.Equal(400, (await h.SendAsync(late)).StatusCode);
    }

    [Fact]
    public async Task ToThatIsNotASipUri_Is400()
    {
        await using var h = new RegistrarHarness().WithExtensions("200").Started();
        var request = SipMessageBuilder.Request("REGISTER", "sip:127.0.0.1")
            .Add(SipHeaderId.Via, "SIP/2.0/UDP 192.168.1.10:5062;branch=z9hG4bK-isbn")
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, "<sip:200@127.0.0.1>;tag=1")
            .Add(SipHeaderId.To, "<isbn:2983792873>")
            .Add(SipHeaderId.CallId, "x1")
            .Add(SipHeaderId.CSeq, "1 REGISTER")
            .Add(SipHeaderId.Contact, "<sip:a@10.0.0.1>");
        Assert.Equal(400, (await h.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AnExtension_MayNotRegisterAnother()
    {
        await using var h = new RegistrarHarness().WithExtensions("200", "201").Started();
        var phone = new FakePhone("200", RegistrarHarness.Password);
        var challenge = await h.SendAsync(phone.Register());
        var request = phone.Register(challenge: challenge);
        request.Set(SipHeaderId.To, "<sip:201@127.0.0.1>");

        Assert.Equal(403, (await h.SendAsync(request)).StatusCode);
        Assert.Empty(h.Registrar.GetContacts("201"));
    }

    [Fact]
    public async Task Restart_KeepsTheBindings_UntilTheyExpire()
    {
        var path = Directory.CreateTempSubdirectory("cc-pbx-").FullName;
        try
        {
            DateTimeOffset now;
            await using (var first = new RegistrarHarness(path: path).WithExtensions("200").Started())
            {
                await new FakePhone("200", RegistrarHarness.Password).RegisterAsync(first, expires: 600, from: PhoneNat, protocol: SipTransportProtocol.Tcp);
                first.Time.Advance(TimeSpan.FromSeconds(100));
                now = first.Time.GetUtcNow();
            }

            var clock = new Sip.Tests.Fakes.FakeTimeProvider(now);
            await using var second = new RegistrarHarness(path: path, time: clock).Started();
            var binding = Assert.Single(second.Registrar.GetContacts("200"));
            Assert.Equal(PhoneNat, binding.Received);
            Assert.Equal(SipTransportProtocol.Tcp, binding.Transport);

            second.Time.Advance(TimeSpan.FromSeconds(500));
            Assert.Empty(second.Registrar.GetContacts("200"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(path, recursive: true);
        }
    }
}

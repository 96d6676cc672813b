using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;
using static ContactCenter.Sip.Tests.Auth.DigestTestMessages;

namespace ContactCenter.Sip.Tests.Auth;

public class SipDigestInteropTests
{
    // Captured from sipsak 0.9.8.1 (Debian) registering as 1001 / "s3cret" against a challenge for realm pbx.local whose
    // nonce was minted outside .NET with the documented format (key bytes 0..31, issued 2025-01-01T00:00:00Z, random
    // bytes 100..111). It checks both MD5 compatibility with a real UA and the nonce format.
    private const string SipsakAuthorization =
        "Digest username=\"1001\", uri=\"sip:127.0.0.1:5099\", algorithm=MD5, realm=\"pbx.local\", opaque=\"JRw-qI9iBOfPwIHCE5xwVA\", " +
        "nonce=\"AAABlB8pfABkZWZnaGlqa2xtbm9tDxoiwLxzLPuhArxbE3MJ\", qop=auth, nc=00000001, cnonce=\"1a606b48\", response=\"8f923c686141574427c29e790e3451de\"";

    [Fact]
    public void SipsakCredentials_VerifyAgainstAnExternallyMintedNonce()
    {
        var time = new FakeTimeProvider();
        var server = new SipDigestServer(new SipDigestServerOptions
        {
            Realm = "pbx.local",
            Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
        }, time);
        using var request = Request("REGISTER", "sip:127.0.0.1:5099", SipsakAuthorization);
        var credentials = server.FindCredentials(request);

        Assert.NotNull(credentials);
        Assert.Equal(server.CreateChallenges()[0].Opaque, credentials.Opaque);
        Assert.True(server.Verify(request, credentials, SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", "pbx.local", "s3cret"), null).IsValid);
        Assert.Equal(SipDigestFailure.ReplayedNonceCount, server.Verify(request, credentials, SipDigest.Ha1(SipDigestAlgorithm.Md5, "1001", "pbx.local", "s3cret"), null).Failure);
    }
}

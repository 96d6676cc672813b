using ContactCenter.Data.Credentials;
using Xunit;

namespace ContactCenter.Data.Tests;

public sealed class CredentialsTests
{
    // RFC 7616 §3.9.1 example credentials; values computed with md5sum / sha256sum over
    // "Mufasa:http-auth@example.org:Circle of Life".
    [Fact]
    public void Ha1Md5_MatchesTheKnownVector()
    {
        Assert.Equal("3d78807defe7de2157e2b0b6573a855f", Ha1.Md5("Mufasa", "http-auth@example.org", "Circle of Life"));
    }

    [Fact]
    public void Ha1Sha256_MatchesTheKnownVector()
    {
        Assert.Equal(
            "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
            Ha1.Sha256("Mufasa", "http-auth@example.org", "Circle of Life"));
    }

    [Fact]
    public void GeneratedPasswords_AreLong_FromTheAlphabet_AndDistinct()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => SipPasswordGenerator.Generate()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(SipPasswordGenerator.DefaultLength, p.Length);
            Assert.All(p, c => Assert.Contains(c, SipPasswordGenerator.Alphabet));
            Assert.Null(CredentialRules.CheckPassword(p, "100"));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.DoesNotContain('0', SipPasswordGenerator.Alphabet);
        Assert.DoesNotContain('O', SipPasswordGenerator.Alphabet);
        Assert.DoesNotContain('l', SipPasswordGenerator.Alphabet);
        Assert.DoesNotContain('1', SipPasswordGenerator.Alphabet);
        Assert.DoesNotContain('I', SipPasswordGenerator.Alphabet);
    }

    [Fact]
    public void ShortPasswords_CannotBeGenerated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SipPasswordGenerator.Generate(15));
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("100", true)]
    [InlineData("1234567890", true)]
    [InlineData("1", false)]
    [InlineData("12345678901", false)]
    [InlineData("10a", false)]
    [InlineData("", false)]
    [InlineData("１００", false)]
    public void ExtensionNumbers_AreTwoToTenAsciiDigits(string number, bool valid)
    {
        Assert.Equal(valid, CredentialRules.CheckNumber(number) is null);
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("with space 1", false)]
    [InlineData("has100inside", false)]
    [InlineData("good-pass-9", true)]
    public void AdminPasswords_AreChecked(string password, bool valid)
    {
        Assert.Equal(valid, CredentialRules.CheckPassword(password, "100") is null);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("Alice\nBob", false)]
    [InlineData("Alice Martin", true)]
    public void Names_AreChecked(string name, bool valid)
    {
        Assert.Equal(valid, CredentialRules.CheckName(name) is null);
    }
}

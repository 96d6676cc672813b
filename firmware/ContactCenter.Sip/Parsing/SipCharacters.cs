using System.Buffers;

namespace ContactCenter.Sip.Parsing;

/// <summary>Byte character classes of RFC 3261 §25.1 used by the message parser.</summary>
internal static class SipCharacters
{
    /// <summary><c>token</c>: alphanum and <c>-.!%*_+`'~</c>.</summary>
    public static readonly SearchValues<byte> Token = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>SP and HTAB.</summary>
    public static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t"u8);

    /// <summary>RFC 3986 scheme characters after the first letter.</summary>
    public static readonly SearchValues<byte> SchemeChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."u8);

    /// <summary>Characters of a Call-ID <c>word</c> (§25.1): token characters plus <c>()&lt;&gt;:\"/[]?{}</c> and <c>@</c> between words.</summary>
    public static readonly SearchValues<byte> CallIdChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~()<>:\\\"/[]?{}@"u8);
}

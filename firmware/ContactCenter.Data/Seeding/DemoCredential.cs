namespace ContactCenter.Data.Seeding;

/// <summary>A demo extension created on first start, with its generated password (shown once, never stored in clear).</summary>
/// <param name="Number">The extension number (SIP user name).</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Password">The generated SIP password.</param>
/// <param name="Realm">The SIP realm / domain to register to.</param>
public sealed record DemoCredential(string Number, string DisplayName, string Password, string Realm);

namespace ContactCenter.Data.Repositories;

/// <summary>An extension (a user with a phone number). Holds the HA1 digests, never the password.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Number">The extension number (digits), also the SIP user name.</param>
/// <param name="DisplayName">The name shown on phones.</param>
/// <param name="Email">The e-mail address, if any.</param>
/// <param name="DepartmentId">The department, if any.</param>
/// <param name="DepartmentName">The department's name, if any.</param>
/// <param name="Role">The web UI role.</param>
/// <param name="Status">Available, away or DND.</param>
/// <param name="Ha1Md5">HA1 with MD5 over <c>number:realm:password</c>.</param>
/// <param name="Ha1Sha256">HA1 with SHA-256 over <c>number:realm:password</c>.</param>
/// <param name="Ha1Realm">The realm the digests were computed for.</param>
public sealed record Extension(
    long Id,
    string Number,
    string DisplayName,
    string? Email,
    long? DepartmentId,
    string? DepartmentName,
    ExtensionRole Role,
    ExtensionStatus Status,
    string Ha1Md5,
    string Ha1Sha256,
    string Ha1Realm);

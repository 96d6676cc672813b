namespace ContactCenter.Data.Repositories;

/// <summary>What <see cref="ExtensionRepository.Add"/> needs. The password is hashed and dropped.</summary>
/// <param name="Number">The extension number.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Password">The SIP password (only its HA1 digests are stored).</param>
/// <param name="Email">The e-mail address, if any.</param>
/// <param name="DepartmentId">The department, if any.</param>
/// <param name="Role">The web UI role.</param>
public sealed record NewExtension(
    string Number,
    string DisplayName,
    string Password,
    string? Email = null,
    long? DepartmentId = null,
    ExtensionRole Role = ExtensionRole.User);

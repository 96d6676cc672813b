using System.Net;

namespace ContactCenter.Pbx.Registrar;

/// <summary>A current ban of an address, for one extension or (when <see cref="Extension"/> is null) as a whole.</summary>
/// <param name="Source">The banned address.</param>
/// <param name="Extension">The extension it may not authenticate as; null for the whole address.</param>
/// <param name="Until">When the ban ends.</param>
public sealed record AuthBan(IPAddress Source, string? Extension, DateTimeOffset Until);

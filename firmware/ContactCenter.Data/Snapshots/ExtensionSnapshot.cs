using System.Collections.Frozen;
using ContactCenter.Data.Repositories;

namespace ContactCenter.Data.Snapshots;

/// <summary>
/// An immutable view of every extension and the SIP realm, read in one transaction. The PBX looks extensions
/// up here on the call path (no database round trip, STYLE.md §3); a newer snapshot replaces it whole.
/// </summary>
public sealed class ExtensionSnapshot
{
    internal ExtensionSnapshot(long version, string realm, IReadOnlyList<Extension> extensions)
    {
        Version = version;
        Realm = realm;
        Extensions = extensions;
        ByNumber = extensions.ToFrozenDictionary(e => e.Number, StringComparer.Ordinal);
    }

    /// <summary>An empty snapshot (before the first load).</summary>
    public static ExtensionSnapshot Empty { get; } = new(0, SettingsRepository.DefaultSipRealm, []);

    /// <summary>Increases by one with every reload that found a change.</summary>
    public long Version { get; }

    /// <summary>The SIP realm of the <c>sip_realm</c> setting.</summary>
    public string Realm { get; }

    /// <summary>Every extension, ordered by number.</summary>
    public IReadOnlyList<Extension> Extensions { get; }

    /// <summary>Extensions by number.</summary>
    public FrozenDictionary<string, Extension> ByNumber { get; }

    /// <summary>Looks an extension up by number (the SIP user name).</summary>
    public bool TryGet(string number, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Extension? extension) =>
        ByNumber.TryGetValue(number, out extension);
}

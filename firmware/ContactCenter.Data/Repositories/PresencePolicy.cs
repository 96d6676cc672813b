namespace ContactCenter.Data.Repositories;

/// <summary>Who may watch whom (BLF, presence): the stored watch policy.</summary>
/// <param name="AllExtensionsMayWatch">Whether any extension may watch any other that has no watcher list.</param>
/// <param name="Watchers">Watched extension → the only extensions allowed to watch it (empty: nobody but itself).</param>
public sealed record PresencePolicy(bool AllExtensionsMayWatch, IReadOnlyDictionary<string, IReadOnlyList<string>> Watchers);

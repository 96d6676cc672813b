using ContactCenter.Data.Repositories;

namespace ContactCenter.Data.Seeding;

/// <summary>
/// First-start front-panel defaults, like a real appliance out of the box: the first extension is the receptionist,
/// the next keys are busy lamps of the other extensions, then two park slots, do not disturb, night mode, queue login
/// and a speed dial to the echo test. Runs once per database (a setting records it), so bindings an admin removed
/// later never come back.
/// </summary>
public static class PanelDefaults
{
    /// <summary>The park slots bound on first start.</summary>
    public static readonly IReadOnlyList<string> ParkSlots = ["701", "702"];

    /// <summary>The speed dial bound on first start: the echo test (a feature code the appliance answers itself).</summary>
    public const string SpeedDialNumber = "*43";

    /// <summary>
    /// Binds the keys (in the board profile's order) when the panel was never seeded, in one transaction; returns the
    /// bindings written, or an empty list when it was seeded before. Keys beyond the defaults stay unbound; a board
    /// with fewer keys gets the first defaults that fit, busy lamps first.
    /// </summary>
    /// <param name="database">The database.</param>
    /// <param name="keyIds">The profile's key ids, in panel order.</param>
    public static IReadOnlyList<PanelKeyBinding> SeedIfNew(ContactCenterDatabase database, IReadOnlyList<string> keyIds)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(keyIds);
        var now = database.Time.GetUtcNow();
        return database.InTransaction((connection, transaction) =>
        {
            if (SettingsRepository.Get(connection, transaction, PanelRepository.SeededKey) is not null)
            {
                return (IReadOnlyList<PanelKeyBinding>)[];
            }

            var extensions = ExtensionRepository.List(connection, transaction);
            var bindings = Defaults(extensions.Select(e => e.Number).ToList(), keyIds);
            if (extensions.Count > 0)
            {
                SettingsRepository.Set(connection, transaction, PanelRepository.ReceptionistKey, extensions[0].Number);
            }

            foreach (var binding in bindings)
            {
                PanelRepository.WriteKey(connection, transaction, binding, Codes.UnixMs(now));
            }

            SettingsRepository.Set(connection, transaction, PanelRepository.SeededKey, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            return bindings;
        });
    }

    private static List<PanelKeyBinding> Defaults(List<string> extensions, IReadOnlyList<string> keyIds)
    {
        var actions = new List<(PanelKeyAction Action, string? Argument)>();
        actions.AddRange(extensions.Skip(1).Select(number => (PanelKeyAction.BusyLamp, (string?)number)));
        actions.AddRange(ParkSlots.Select(slot => (PanelKeyAction.Park, (string?)slot)));
        actions.Add((PanelKeyAction.DoNotDisturb, null));
        actions.Add((PanelKeyAction.NightMode, null));
        actions.Add((PanelKeyAction.QueueLogin, null));
        actions.Add((PanelKeyAction.SpeedDial, SpeedDialNumber));
        return [.. keyIds.Zip(actions, (key, action) => new PanelKeyBinding(key, action.Action, action.Argument))];
    }
}

using ContactCenter.Data.Repositories;

namespace ContactCenter.Pbx.Attendant;

/// <summary>
/// One thing a receptionist's key (on the front panel, later in the web console) does: its kind, as stored for panel
/// keys, and the extension, park slot or number it names. Value equality: two keys with the same action show the same lamp.
/// </summary>
/// <param name="Kind">What it does.</param>
/// <param name="Target">The watched extension (BLF), the slot (park), the number (speed dial); null for the toggles.</param>
public sealed record AttendantAction(PanelKeyAction Kind, string? Target = null)
{
    /// <summary>Busy lamp of <paramref name="extension"/>: pick up, transfer to, or call it.</summary>
    public static AttendantAction BusyLamp(string extension) => new(PanelKeyAction.BusyLamp, extension);

    /// <summary>Park slot <paramref name="slot"/>: park the current call there, or retrieve it.</summary>
    public static AttendantAction Park(string slot) => new(PanelKeyAction.Park, slot);

    /// <summary>Toggle the receptionist's do not disturb.</summary>
    public static AttendantAction DoNotDisturb { get; } = new(PanelKeyAction.DoNotDisturb);

    /// <summary>Toggle night mode.</summary>
    public static AttendantAction NightMode { get; } = new(PanelKeyAction.NightMode);

    /// <summary>Log the receptionist into or out of the queues.</summary>
    public static AttendantAction QueueLogin { get; } = new(PanelKeyAction.QueueLogin);

    /// <summary>Call <paramref name="number"/> from the receptionist's phone.</summary>
    public static AttendantAction SpeedDial(string number) => new(PanelKeyAction.SpeedDial, number);

    /// <summary>The action a stored key binding names.</summary>
    public static AttendantAction From(PanelKeyBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new AttendantAction(binding.Action, binding.Argument);
    }
}

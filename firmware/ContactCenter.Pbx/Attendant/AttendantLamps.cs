using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Presence;

namespace ContactCenter.Pbx.Attendant;

/// <summary>
/// The one place a key's lamp is derived, from the presence model and the receptionist's switches, so the front panel
/// and the web console never disagree. Follows desk-phone BLF conventions (Yealink, Grandstream, Snom expansion
/// modules): dark when idle, blinking while ringing, steady while busy.
/// </summary>
public static class AttendantLamps
{
    /// <summary>The lamp of <paramref name="action"/>.</summary>
    /// <param name="action">The key's action.</param>
    /// <param name="presence">Reads the presence of an extension or park slot (<see cref="PresenceModel.Get"/>).</param>
    /// <param name="switches">The receptionist and the switches as they are now.</param>
    public static AttendantLamp For(AttendantAction action, Func<string, PresenceSnapshot> presence, AttendantSwitches switches)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(presence);
        return action.Kind switch
        {
            PanelKeyAction.BusyLamp when action.Target is { } target => ForExtension(presence(target)),
            PanelKeyAction.Park when action.Target is { } slot => ForSlot(presence(slot).Park),
            PanelKeyAction.DoNotDisturb => On(switches.Receptionist is { } me && presence(me).DoNotDisturb),
            PanelKeyAction.NightMode => On(switches.NightMode),
            PanelKeyAction.QueueLogin => On(switches.QueueLoggedIn),
            _ => AttendantLamp.Idle,
        };
    }

    // A call shows over away/DND: a busy lamp first tells whether the line is free.
    private static AttendantLamp ForExtension(PresenceSnapshot snapshot) => snapshot.Activity switch
    {
        ExtensionActivity.Ringing => AttendantLamp.Ringing,
        ExtensionActivity.InUse => AttendantLamp.Busy,
        _ => snapshot.DoNotDisturb || snapshot.Away ? AttendantLamp.Away : AttendantLamp.Idle,
    };

    private static AttendantLamp ForSlot(ParkSlotState state) => state switch
    {
        ParkSlotState.Occupied => AttendantLamp.Parked,
        ParkSlotState.Recalling => AttendantLamp.Recall,
        _ => AttendantLamp.Idle,
    };

    private static AttendantLamp On(bool on) => on ? AttendantLamp.Active : AttendantLamp.Idle;
}

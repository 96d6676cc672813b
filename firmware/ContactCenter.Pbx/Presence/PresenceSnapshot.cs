using ContactCenter.Sip.Events.Bodies;

namespace ContactCenter.Pbx.Presence;

/// <summary>
/// The presence of one extension at one moment, immutable: its live dialogs (as RFC 4235 describes them), do not
/// disturb, away, and voicemail counts. Every consumer reads these, never the calls themselves.
/// </summary>
/// <param name="Extension">The extension number.</param>
/// <param name="Dialogs">Its live dialogs, oldest first; a terminated dialog leaves the list.</param>
/// <param name="DoNotDisturb">Do not disturb is on.</param>
/// <param name="Away">The user set away.</param>
/// <param name="NewMessages">Unheard voicemail messages.</param>
/// <param name="OldMessages">Heard voicemail messages.</param>
/// <param name="Park">For a park slot's number: what the slot holds.</param>
public sealed record PresenceSnapshot(string Extension, IReadOnlyList<SipDialogInfoEntry> Dialogs, bool DoNotDisturb, bool Away, int NewMessages, int OldMessages,
    ParkSlotState Park)
{
    /// <summary>
    /// The dialogs that ended with this change, in their terminated state: RFC 4235 §3.7.1 ends every dialog in
    /// "terminated", and a watcher is told so once, in the NOTIFY of that change; the next change forgets them.
    /// </summary>
    public IReadOnlyList<SipDialogInfoEntry> Ended { get; init; } = [];

    /// <summary>An extension nobody has reported anything about.</summary>
    public static PresenceSnapshot Idle(string extension) => new(extension, [], false, false, 0, 0, ParkSlotState.Free);

    /// <summary>In use as soon as one dialog is answered or placed by the extension; ringing when the only live dialogs ring at it.</summary>
    public ExtensionActivity Activity
    {
        get
        {
            var ringing = false;
            foreach (var dialog in Dialogs)
            {
                if (dialog.State == SipDialogInfoState.Confirmed || dialog.Direction == SipDialogDirection.Initiator)
                {
                    return ExtensionActivity.InUse;
                }
                ringing = true;
            }
            return ringing ? ExtensionActivity.Ringing : ExtensionActivity.Idle;
        }
    }
}

namespace ContactCenter.Pbx.Commands;

/// <summary>
/// The call operations one extension has the appliance perform for it (issue #5 §4): what the front panel's keys do for
/// the receptionist, and what the web attendant console will do later. Each completes once the first SIP request of the
/// operation has been handed to the transport (or with the reason nothing was sent); what happens next (answers, the
/// far end ringing) shows in the presence model like any other call.
/// </summary>
public interface ICallCommands
{
    /// <summary>Directed pickup: the call ringing at <paramref name="ringing"/> is answered at <paramref name="by"/>'s phone, which the appliance rings (with auto-answer) in its place.</summary>
    /// <param name="by">The extension picking up.</param>
    /// <param name="ringing">The extension whose phone rings.</param>
    ValueTask<CallCommandResult> PickUpAsync(string by, string ringing);

    /// <summary>
    /// Blind transfer: the party <paramref name="by"/> is talking with is sent to <paramref name="target"/>, and <paramref name="by"/> is released.
    /// A target that does not answer within the ring time recalls <paramref name="by"/> (its phone rings); a recall not
    /// answered either ends the call.
    /// </summary>
    /// <param name="by">The extension transferring its current call.</param>
    /// <param name="target">Where the other party goes.</param>
    ValueTask<CallCommandResult> BlindTransferAsync(string by, string target);

    /// <summary>Click-to-call: the appliance rings <paramref name="by"/>'s phone (with auto-answer) and, once it answers, calls <paramref name="target"/> from it.</summary>
    /// <param name="by">The extension placing the call.</param>
    /// <param name="target">The number called.</param>
    ValueTask<CallCommandResult> ClickToCallAsync(string by, string target);

    /// <summary>Parks the party <paramref name="by"/> is talking with in <paramref name="slot"/> (music on hold) and releases <paramref name="by"/>; an unretrieved call recalls <paramref name="by"/> after the park timeout.</summary>
    /// <param name="by">The extension parking its current call.</param>
    /// <param name="slot">The park slot number.</param>
    ValueTask<CallCommandResult> ParkAsync(string by, string slot);

    /// <summary>
    /// Retrieves the call parked in <paramref name="slot"/> to <paramref name="by"/>'s phone, which the appliance rings (with auto-answer);
    /// a retrieve not answered leaves the call parked. Dialling the slot from a phone retrieves it too.
    /// </summary>
    /// <param name="by">The extension retrieving the call.</param>
    /// <param name="slot">The park slot number.</param>
    ValueTask<CallCommandResult> RetrieveAsync(string by, string slot);
}

using ContactCenter.Pbx.Calls;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Commands;

/// <summary>
/// The call commands on the <see cref="CallRouter"/>'s calls: each checks the numbers against the directory and the
/// registrations, finds the call concerned and hands the operation to that call's actor, which decides in its own order
/// of events whether it can still happen (a call answered meanwhile is no longer picked up). Thread-safe.
/// </summary>
public sealed class CallCommands : ICallCommands
{
    private readonly CallRouter _router;
    private readonly CallServices _services;

    /// <summary>Creates the commands for the calls of <paramref name="router"/>.</summary>
    public CallCommands(CallRouter router)
    {
        _router = router ?? throw new ArgumentNullException(nameof(router));
        _services = router.Services;
    }

    /// <inheritdoc/>
    public ValueTask<CallCommandResult> PickUpAsync(string by, string ringing)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(ringing);
        if (Refusal(by, ringing) is { } refused)
        {
            return Refused("pickup", by, ringing, refused);
        }
        if (_router.Find(v => v.Ringing && v.Callee == ringing) is not { } call)
        {
            return Refused("pickup", by, ringing, CallCommandResult.NothingRinging);
        }
        return RunAsync(call, "pickup", by, ringing, done => new CallEvent.PickUp(by, done));
    }

    /// <inheritdoc/>
    public ValueTask<CallCommandResult> BlindTransferAsync(string by, string target)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(target);
        if ((by == target ? CallCommandResult.UnknownNumber : Refusal(by, target)) is { } refused)
        {
            return Refused("transfer", by, target, refused);
        }
        if (_router.Find(v => v.IsAnsweredWith(by)) is not { } call)
        {
            return Refused("transfer", by, target, CallCommandResult.NotInCall);
        }
        return RunAsync(call, "transfer", by, target, done => new CallEvent.Transfer(by, target, done));
    }

    /// <inheritdoc/>
    public ValueTask<CallCommandResult> ClickToCallAsync(string by, string target)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(target);
        if ((by == target ? CallCommandResult.UnknownNumber : Refusal(by, target)) is { } refused)
        {
            return Refused("click-to-call", by, target, refused);
        }
        if (_services.Registrations.GetContacts(target).Count == 0)
        {
            return Refused("click-to-call", by, target, CallCommandResult.NotRegistered);
        }
        _services.Directory.Current.TryGet(by, out var extension);
        var done = new TaskCompletionSource<CallCommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_router.TryOriginate(Call.Originate(_services, extension!, target, done)))
        {
            return Refused("click-to-call", by, target, CallCommandResult.Unavailable);
        }
        return OutcomeAsync(done.Task, "click-to-call", by, target);
    }

    /// <inheritdoc/>
    public ValueTask<CallCommandResult> ParkAsync(string by, string slot)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(slot);
        if (!_services.Directory.Current.TryGet(by, out _) || !_services.Lot.IsSlot(slot))
        {
            return Refused("park", by, slot, CallCommandResult.UnknownNumber);
        }
        if (_router.Find(v => v.IsAnsweredWith(by)) is not { } call)
        {
            return Refused("park", by, slot, CallCommandResult.NotInCall);
        }
        if (_services.Lot.Find(slot) is not null)
        {
            return Refused("park", by, slot, CallCommandResult.SlotOccupied);
        }
        return RunAsync(call, "park", by, slot, done => new CallEvent.Park(by, slot, done));
    }

    /// <inheritdoc/>
    public ValueTask<CallCommandResult> RetrieveAsync(string by, string slot)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(slot);
        if (!_services.Directory.Current.TryGet(by, out _) || !_services.Lot.IsSlot(slot))
        {
            return Refused("retrieve", by, slot, CallCommandResult.UnknownNumber);
        }
        if (_services.Registrations.GetContacts(by).Count == 0)
        {
            return Refused("retrieve", by, slot, CallCommandResult.NotRegistered);
        }
        if (_services.Lot.Find(slot) is not { } call)
        {
            return Refused("retrieve", by, slot, CallCommandResult.SlotEmpty);
        }
        return RunAsync(call, "retrieve", by, slot, done => new CallEvent.Retrieve(by, done));
    }

    // Both numbers must be extensions, and the first one's phone must be registered (it rings, or it is in the call).
    private CallCommandResult? Refusal(string by, string other)
    {
        var directory = _services.Directory.Current;
        if (!directory.TryGet(by, out _) || !directory.TryGet(other, out _))
        {
            return CallCommandResult.UnknownNumber;
        }
        return _services.Registrations.GetContacts(by).Count == 0 ? CallCommandResult.NotRegistered : null;
    }

    private async ValueTask<CallCommandResult> RunAsync(Call call, string command, string by, string other,
        Func<TaskCompletionSource<CallCommandResult>, CallEvent.Command> create)
    {
        var done = new TaskCompletionSource<CallCommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var commandEvent = create(done);
        if (!call.Post(commandEvent))
        {
            // The call ended between finding it and posting to it.
            done.TrySetResult(commandEvent.WhenGone);
        }
        return await OutcomeAsync(done.Task, command, by, other).ConfigureAwait(false);
    }

    private async ValueTask<CallCommandResult> OutcomeAsync(Task<CallCommandResult> done, string command, string by, string other)
    {
        var result = await done.ConfigureAwait(false);
        CommandLog.Outcome(_services.Logger, command, by, other, result);
        return result;
    }

    private ValueTask<CallCommandResult> Refused(string command, string by, string other, CallCommandResult result)
    {
        CommandLog.Outcome(_services.Logger, command, by, other, result);
        return ValueTask.FromResult(result);
    }
}

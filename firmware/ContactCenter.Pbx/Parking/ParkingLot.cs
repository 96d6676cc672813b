using System.Collections.Concurrent;
using System.Globalization;
using ContactCenter.Pbx.Calls;

namespace ContactCenter.Pbx.Parking;

/// <summary>
/// The park slots (<see cref="CallOptions.FirstParkSlot"/> to <see cref="CallOptions.LastParkSlot"/>) and the call
/// each holds. A call claims its slot from its own actor and frees it when it leaves the slot or ends; two calls can
/// never hold one slot. Thread-safe.
/// </summary>
internal sealed class ParkingLot(CallOptions options)
{
    private readonly ConcurrentDictionary<string, Call> _slots = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="number"/> is one of the configured slots.</summary>
    public bool IsSlot(string number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
        && slot >= options.FirstParkSlot && slot <= options.LastParkSlot
        && number == slot.ToString(CultureInfo.InvariantCulture);

    /// <summary>Takes the slot for <paramref name="call"/>; false when another call holds it.</summary>
    public bool TryClaim(string slot, Call call) => _slots.TryAdd(slot, call);

    /// <summary>Frees the slot if <paramref name="call"/> holds it.</summary>
    public void Release(string slot, Call call) => _slots.TryRemove(new KeyValuePair<string, Call>(slot, call));

    /// <summary>The call in the slot, if any.</summary>
    public Call? Find(string slot) => _slots.TryGetValue(slot, out var call) ? call : null;
}

using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Presence;

namespace ContactCenter.Firmware.Pbx;

/// <summary>The presence service's options: the watch policy stored in the database (read once, at start) and the park slots.</summary>
internal static class PresencePolicyOptions
{
    public static PresenceOptions Load(ContactCenterDatabase database, IEnumerable<string> parkSlots)
    {
        var policy = new PresencePolicyRepository(database).Load();
        var options = new PresenceOptions { AllExtensionsMayWatch = policy.AllExtensionsMayWatch };
        foreach (var (watched, watchers) in policy.Watchers)
        {
            options.Watchers.Add(watched, [.. watchers]);
        }

        foreach (var slot in parkSlots)
        {
            options.ParkSlots.Add(slot);
        }

        return options;
    }
}

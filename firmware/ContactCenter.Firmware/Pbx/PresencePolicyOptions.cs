using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Pbx.Presence;

namespace ContactCenter.Firmware.Pbx;

/// <summary>The presence service's options with the watch policy stored in the database (read once, at start).</summary>
internal static class PresencePolicyOptions
{
    public static PresenceOptions Load(ContactCenterDatabase database)
    {
        var policy = new PresencePolicyRepository(database).Load();
        var options = new PresenceOptions { AllExtensionsMayWatch = policy.AllExtensionsMayWatch };
        foreach (var (watched, watchers) in policy.Watchers)
        {
            options.Watchers.Add(watched, [.. watchers]);
        }

        return options;
    }
}

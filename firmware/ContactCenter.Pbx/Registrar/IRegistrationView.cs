using System.Threading.Channels;

namespace ContactCenter.Pbx.Registrar;

/// <summary>The registrations as the rest of the firmware sees them (the call router, the web UI, the front panel).</summary>
public interface IRegistrationView
{
    /// <summary>The live contacts of an extension (none when not registered), soonest expiry last.</summary>
    IReadOnlyList<RegistrationBinding> GetContacts(string extension);

    /// <summary>Every live binding, by extension.</summary>
    IReadOnlyList<RegistrationBinding> ListAll();

    /// <summary>
    /// Every change, in order, for one reader (the firmware's event fan-out). Bounded: when the reader falls more than
    /// 1024 events behind, the oldest are dropped; <see cref="GetContacts"/> is always current.
    /// </summary>
    ChannelReader<RegistrationEvent> Changes { get; }
}

using ContactCenter.Board.Leds;
using ContactCenter.Pbx.Registrar;

namespace ContactCenter.Firmware.Panel;

/// <summary>The SIP status LED's view: healthy when every extension has a live registration, degraded otherwise.</summary>
internal static class SipHealth
{
    public static ServiceHealth Of(IEnumerable<string> extensions, IEnumerable<RegistrationBinding> bindings)
    {
        var registered = bindings.Select(static b => b.Extension).ToHashSet(StringComparer.Ordinal);
        return extensions.All(registered.Contains) ? ServiceHealth.Healthy : ServiceHealth.Degraded;
    }
}

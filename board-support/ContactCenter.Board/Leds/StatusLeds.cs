using ContactCenter.Board.Profiles;

namespace ContactCenter.Board.Leds;

/// <summary>
/// The panel's status LEDs (power, SIP, network, fault), found by their role in the profile. A board without one of
/// them (the Pi HAT has power and fault only) ignores what that LED would show.
/// </summary>
public sealed class StatusLeds
{
    private readonly LedEngine _engine;
    private readonly int _power;
    private readonly int _sip;
    private readonly int _network;
    private readonly int _fault;

    /// <summary>Binds the status roles of a profile to the engine that drives its LEDs (in profile order).</summary>
    /// <param name="engine">The LED engine, built over the profile's LEDs in order.</param>
    /// <param name="profile">The profile.</param>
    public StatusLeds(LedEngine engine, BoardProfile profile)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(profile);
        _engine = engine;
        var roles = profile.Leds.Select(l => l.Role).ToList();
        _power = roles.IndexOf(LedRole.Power);
        _sip = roles.IndexOf(LedRole.Sip);
        _network = roles.IndexOf(LedRole.Network);
        _fault = roles.IndexOf(LedRole.Fault);
    }

    /// <summary>Shows whether the firmware is still starting or ready (every listener up).</summary>
    /// <param name="ready">Whether the firmware is ready.</param>
    public void ShowPower(bool ready) => Show(_power, ready ? LedPalette.Ready : LedPalette.Starting);

    /// <summary>Shows the health of SIP: trunks and extensions registered.</summary>
    /// <param name="health">The health.</param>
    public void ShowSip(ServiceHealth health) => Show(_sip, ForHealth(health));

    /// <summary>Shows the health of the network link.</summary>
    /// <param name="health">The health.</param>
    public void ShowNetwork(ServiceHealth health) => Show(_network, ForHealth(health));

    /// <summary>Shows or clears a fault (a wrong profile, a busy line, a faulted loop).</summary>
    /// <param name="faulted">Whether there is a fault.</param>
    public void ShowFault(bool faulted) => Show(_fault, faulted ? LedPalette.Fault : LedPattern.Off);

    private static LedPattern ForHealth(ServiceHealth health) => health switch
    {
        ServiceHealth.Healthy => LedPalette.Healthy,
        ServiceHealth.Degraded => LedPalette.Degraded,
        _ => LedPalette.Down,
    };

    private void Show(int led, LedPattern pattern)
    {
        if (led >= 0)
        {
            _engine.Set(led, pattern);
        }
    }
}

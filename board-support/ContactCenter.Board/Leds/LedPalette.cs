namespace ContactCenter.Board.Leds;

/// <summary>
/// The patterns the panel uses, after desk-phone BLF conventions (Yealink, Grandstream and Snom expansion modules:
/// dark when idle, red blinking when ringing, red steady when busy). A single-colour LED shows every colour as lit,
/// so it still tells idle, busy and ringing apart by cadence. The table in the Board README mirrors this class.
/// </summary>
public static class LedPalette
{
    /// <summary>Watched extension idle (or a park slot free).</summary>
    public static LedPattern Idle => LedPattern.Off;

    /// <summary>Watched extension ringing: red slow blink.</summary>
    public static LedPattern Ringing => new(LedColor.Red, LedCadence.SlowBlink);

    /// <summary>Watched extension in a call: red steady.</summary>
    public static LedPattern Busy => new(LedColor.Red);

    /// <summary>Watched extension holding a call: red wink.</summary>
    public static LedPattern Held => new(LedColor.Red, LedCadence.Wink);

    /// <summary>Watched extension away or in do-not-disturb: amber steady.</summary>
    public static LedPattern Away => new(LedColor.Amber);

    /// <summary>Park slot occupied: green slow blink.</summary>
    public static LedPattern Parked => new(LedColor.Green, LedCadence.SlowBlink);

    /// <summary>Parked call recalling (the park timeout passed): red fast blink.</summary>
    public static LedPattern Recall => new(LedColor.Red, LedCadence.FastBlink);

    /// <summary>A toggle key (DND, night mode, queue login) in its "on" state: green steady.</summary>
    public static LedPattern Active => new(LedColor.Green);

    /// <summary>Something asks for the receptionist (a key action failed): amber fast blink.</summary>
    public static LedPattern Attention => new(LedColor.Amber, LedCadence.FastBlink);

    /// <summary>Power LED while the firmware starts: green slow blink.</summary>
    public static LedPattern Starting => new(LedColor.Green, LedCadence.SlowBlink);

    /// <summary>Power LED once every listener is up: green steady.</summary>
    public static LedPattern Ready => new(LedColor.Green);

    /// <summary>SIP or network LED when every trunk and extension (or the link) is healthy: green steady.</summary>
    public static LedPattern Healthy => new(LedColor.Green);

    /// <summary>SIP LED when some trunks or extensions are unregistered: amber slow blink.</summary>
    public static LedPattern Degraded => new(LedColor.Amber, LedCadence.SlowBlink);

    /// <summary>SIP or network LED when nothing works (no link, no listener): red steady.</summary>
    public static LedPattern Down => new(LedColor.Red);

    /// <summary>Fault LED when the board or a supervised loop failed (wrong profile, line busy): red fast blink.</summary>
    public static LedPattern Fault => new(LedColor.Red, LedCadence.FastBlink);
}

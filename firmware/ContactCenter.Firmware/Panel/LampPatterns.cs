using ContactCenter.Board.Leds;
using ContactCenter.Pbx.Attendant;

namespace ContactCenter.Firmware.Panel;

/// <summary>Each lamp meaning of the receptionist's keys as the LED pattern of the same name in Board's palette.</summary>
internal static class LampPatterns
{
    public static LedPattern For(AttendantLamp lamp) => lamp switch
    {
        AttendantLamp.Ringing => LedPalette.Ringing,
        AttendantLamp.Busy => LedPalette.Busy,
        AttendantLamp.Away => LedPalette.Away,
        AttendantLamp.Parked => LedPalette.Parked,
        AttendantLamp.Recall => LedPalette.Recall,
        AttendantLamp.Active => LedPalette.Active,
        AttendantLamp.Attention => LedPalette.Attention,
        _ => LedPalette.Idle,
    };
}

using ContactCenter.Board.Leds;

namespace ContactCenter.Firmware.Panel;

/// <summary>An LED of the panel given a new pattern (<see cref="LedChange"/> with the LED named as in the profile).</summary>
internal readonly record struct PanelLedChange(string LedId, LedPattern Pattern, long Timestamp);

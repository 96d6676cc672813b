using ContactCenter.Board.Keys;

namespace ContactCenter.Firmware.Panel;

/// <summary>A debounced key press as the panel takes it up, with the time it did (<see cref="TimeProvider.GetTimestamp"/> units).</summary>
internal readonly record struct PanelKeyPress(string KeyId, KeyPressKind Kind, long Timestamp);

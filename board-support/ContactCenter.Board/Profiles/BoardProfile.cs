namespace ContactCenter.Board.Profiles;

/// <summary>A validated board profile: which chips the board has and which line each LED and key uses.</summary>
/// <param name="Name">The profile's name (<c>--board</c>).</param>
/// <param name="Description">What hardware it describes.</param>
/// <param name="Chips">The chips.</param>
/// <param name="Leds">The LEDs, in panel order (the LED engine's indices).</param>
/// <param name="Keys">The keys, in panel order (the key engine's indices).</param>
/// <param name="LongPress">The long-press threshold.</param>
public sealed record BoardProfile(
    string Name,
    string Description,
    IReadOnlyList<ChipDefinition> Chips,
    IReadOnlyList<LedDefinition> Leds,
    IReadOnlyList<KeyDefinition> Keys,
    TimeSpan LongPress);

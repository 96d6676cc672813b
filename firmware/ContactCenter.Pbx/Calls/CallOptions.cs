using ContactCenter.Pbx.Features;

namespace ContactCenter.Pbx.Calls;

/// <summary>Settings of calls between extensions (configuration section <c>Calls</c>).</summary>
public sealed class CallOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Calls";

    /// <summary>How long the callee's phones ring before the caller gets 480 and the record says "no answer".</summary>
    public int RingSeconds { get; set; } = 30;

    /// <summary>
    /// The shortest session interval accepted from a caller (RFC 4028 Min-SE); a shorter Session-Expires from a caller
    /// that supports session timers gets 422. The RFC's floor is 90 seconds.
    /// </summary>
    public int MinSessionSeconds { get; set; } = 90;

    /// <summary>Most calls at once; more get 503 with Retry-After (the box's capacity, not a licence).</summary>
    public int MaxCalls { get; set; } = 1000;

    /// <summary>The first park slot number (slots run to <see cref="LastParkSlot"/>; 701–709 by default, as on Yeastar and FreePBX).</summary>
    public int FirstParkSlot { get; set; } = 701;

    /// <summary>The last park slot number.</summary>
    public int LastParkSlot { get; set; } = 709;

    /// <summary>How long a call stays parked before it recalls the extension that parked it (60 s, as Yeastar's default).</summary>
    public int ParkSeconds { get; set; } = 60;

    /// <summary>The numbers the appliance answers itself (test extensions), <c>Calls:FeatureCodes</c>.</summary>
    public FeatureCodeOptions FeatureCodes { get; set; } = new();

    /// <summary>Every park slot number, lowest first.</summary>
    public IEnumerable<string> ParkSlotNumbers() =>
        Enumerable.Range(FirstParkSlot, LastParkSlot - FirstParkSlot + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Throws <see cref="ArgumentException"/> when the settings cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(RingSeconds, 1, nameof(RingSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSessionSeconds, 90, nameof(MinSessionSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCalls, 1, nameof(MaxCalls));
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstParkSlot, 1, nameof(FirstParkSlot));
        ArgumentOutOfRangeException.ThrowIfLessThan(LastParkSlot, FirstParkSlot, nameof(LastParkSlot));
        ArgumentOutOfRangeException.ThrowIfLessThan(ParkSeconds, 1, nameof(ParkSeconds));
        ArgumentNullException.ThrowIfNull(FeatureCodes);
        FeatureCodes.Validate();
    }
}

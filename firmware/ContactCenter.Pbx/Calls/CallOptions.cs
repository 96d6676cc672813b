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

    /// <summary>The numbers the appliance answers itself (test extensions), <c>Calls:FeatureCodes</c>.</summary>
    public FeatureCodeOptions FeatureCodes { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when the settings cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(RingSeconds, 1, nameof(RingSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSessionSeconds, 90, nameof(MinSessionSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCalls, 1, nameof(MaxCalls));
        ArgumentNullException.ThrowIfNull(FeatureCodes);
        FeatureCodes.Validate();
    }
}

namespace ContactCenter.Sip.Auth;

/// <summary>The result of <c>SipDigestServer.Verify</c>: an outcome and, unless valid, the reason.</summary>
public readonly struct SipDigestVerification : IEquatable<SipDigestVerification>
{
    private SipDigestVerification(SipDigestOutcome outcome, SipDigestFailure failure)
    {
        Outcome = outcome;
        Failure = failure;
    }

    /// <summary>A successful verification.</summary>
    public static SipDigestVerification Valid => new(SipDigestOutcome.Valid, SipDigestFailure.None);

    /// <summary>What to do: accept, challenge with stale=true, or challenge again.</summary>
    public SipDigestOutcome Outcome { get; }

    /// <summary>Why it is not valid; <see cref="SipDigestFailure.None"/> when it is.</summary>
    public SipDigestFailure Failure { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="SipDigestOutcome.Valid"/>.</summary>
    public bool IsValid => Outcome == SipDigestOutcome.Valid;

    /// <summary>True when <see cref="Outcome"/> is <see cref="SipDigestOutcome.Stale"/>.</summary>
    public bool IsStale => Outcome == SipDigestOutcome.Stale;

    /// <summary>Equality of outcome and reason.</summary>
    public static bool operator ==(SipDigestVerification left, SipDigestVerification right) => left.Equals(right);

    /// <summary>Inequality of outcome or reason.</summary>
    public static bool operator !=(SipDigestVerification left, SipDigestVerification right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(SipDigestVerification other) => Outcome == other.Outcome && Failure == other.Failure;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipDigestVerification other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, Failure);

    /// <summary>For logs: <c>Valid</c>, <c>Stale (NonceExpired)</c>, <c>Invalid (WrongResponse)</c>.</summary>
    public override string ToString() => IsValid ? "Valid" : $"{Outcome} ({Failure})";

    internal static SipDigestVerification Invalid(SipDigestFailure failure) => new(SipDigestOutcome.Invalid, failure);

    internal static SipDigestVerification Stale(SipDigestFailure failure) => new(SipDigestOutcome.Stale, failure);
}

namespace ContactCenter.Pbx.Calls;

/// <summary>
/// A session interval negotiated on one leg (RFC 4028): when the appliance is the refresher it refreshes at half the
/// interval (§10); when the peer is, a session not refreshed by <c>interval - min(32, interval/3)</c> seconds is over and
/// is ended with BYE (§10).
/// </summary>
/// <param name="Seconds">The session interval.</param>
/// <param name="WeRefresh">Whether the appliance sends the refreshes on this leg.</param>
internal sealed record SessionTimer(uint Seconds, bool WeRefresh)
{
    /// <summary>When the next step is due after a refresh: our refresh, or the deadline for the peer's.</summary>
    public TimeSpan NextDue => WeRefresh
        ? TimeSpan.FromSeconds(Seconds / 2.0)
        : TimeSpan.FromSeconds(Seconds - Math.Min(32, Seconds / 3.0));
}

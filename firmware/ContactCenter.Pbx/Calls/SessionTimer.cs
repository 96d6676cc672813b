using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;

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

    /// <summary>
    /// RFC 4028 §9 as the UAS of a caller's INVITE. False when the caller supports timers and asks for less than
    /// <paramref name="minimumSeconds"/>: answer 422 with Min-SE. Otherwise the timer to run on the caller's leg (null
    /// when it asked for none): a too-short interval from a caller without timer support is raised to the minimum;
    /// the caller refreshes unless it asked us to, or cannot.
    /// </summary>
    public static bool TryNegotiate(SipMessage request, int minimumSeconds, out SessionTimer? timer, out bool requireTimer)
    {
        timer = null;
        requireTimer = false;
        if (!SipSessionExpires.TryParse(request.GetHeader(SipHeaderId.SessionExpires), out var asked))
        {
            return true;
        }
        var supportsTimer = SipTokenList.Contains(request, SipHeaderId.Supported, "timer");
        var seconds = asked.Seconds;
        if (seconds < minimumSeconds)
        {
            if (supportsTimer)
            {
                return false;
            }
            seconds = (uint)minimumSeconds;
        }
        var refresher = supportsTimer ? asked.Refresher ?? SipRefresher.Uac : SipRefresher.Uas;
        timer = new SessionTimer(seconds, WeRefresh: refresher == SipRefresher.Uas);
        requireTimer = supportsTimer;
        return true;
    }
}

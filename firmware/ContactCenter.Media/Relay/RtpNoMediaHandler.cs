namespace ContactCenter.Media.Relay;

/// <summary>
/// Called once per silence episode when a leg has received no RTP for <see cref="RtpRelayOptions.NoMediaTimeout"/>.
/// Runs on a timer thread: post to the call's own mailbox and return. The relay only reports; whether a silent call
/// (for example one on hold with <c>a=inactive</c>) is hung up is the PBX's decision.
/// </summary>
/// <param name="session">The session.</param>
/// <param name="leg">The silent leg.</param>
/// <param name="silentFor">How long the leg has been silent.</param>
public delegate void RtpNoMediaHandler(RtpRelaySession session, RtpRelayLeg leg, TimeSpan silentFor);

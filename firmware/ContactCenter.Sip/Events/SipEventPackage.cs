namespace ContactCenter.Sip.Events;

/// <summary>
/// An event package a notifier serves (RFC 6665 §7): its event type, the body formats it can render (the first is
/// the default when a SUBSCRIBE has no Accept, §4.2.1.1 / §7.2) and how it renders the current state of a subscription.
/// </summary>
/// <param name="EventType">The event type of the Event header (<c>dialog</c>, <c>presence</c>, <c>message-summary</c>).</param>
/// <param name="ContentTypes">The media types the package can render, preferred first; at least one.</param>
/// <param name="Render">
/// Renders the full current state for a subscription in its <see cref="SipSubscription.ContentType"/>. Called under
/// the subscription's lock for every NOTIFY that carries state: it must read a snapshot, not block, and not call back
/// into the subscription.
/// </param>
public sealed record SipEventPackage(string EventType, IReadOnlyList<string> ContentTypes, Func<SipSubscription, ReadOnlyMemory<byte>> Render);

using System.Globalization;
using System.Net;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Registrar;

public sealed partial class SipRegistrar
{
    private readonly record struct ContactRequest(string Uri, string? InstanceId, long Seconds);

    private SipMessageBuilder Process(SipMessage request, List<RegistrationEvent> events, List<Task> writes)
    {
        var tag = SipIdentifiers.NewTag();
        // RFC 3261 §10.3 steps 3–4: the To URI is the address-of-record; its user part is the extension. Anything else
        // (RFC 4475 unksm2: an isbn: To) is not an AOR of this registrar.
        if (request.To.Uri is not { Scheme: SipUriScheme.Sip or SipUriScheme.Sips, User: { Length: > 0 } extension })
        {
            return Reject(request, 400, "To is not a SIP URI with a user", tag);
        }

        var peer = request.Source ?? new SipPeer(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.None, 0), new IPEndPoint(IPAddress.None, 0), 0);
        var authentication = Authenticator.Authenticate(request, extension, tag, HoldsOtherRegistrations);
        if (!authentication.IsAuthenticated)
        {
            return authentication.Challenge;
        }
        var username = authentication.Extension.Number;
        var source = ExtensionAuthenticator.SourceOf(request);
        if (!string.Equals(username, extension, StringComparison.Ordinal))
        {
            // Third-party registration (RFC 3261 §10.3 step 3): an extension registers only itself.
            RegistrarLog.ForeignAor(_logger, username, extension, source);
            return request.CreateResponse(403, "Not your address-of-record", tag);
        }

        return request.IsContactWildcard
            ? RemoveAll(request, extension, tag, events, writes)
            : Bind(request, extension, peer, tag, events, writes);
    }

    private SipMessageBuilder RemoveAll(SipMessage request, string extension, string tag, List<RegistrationEvent> events, List<Task> writes)
    {
        // RFC 3261 §10.3 step 6: "*" only with Expires: 0 and no other Contact.
        if (request.Expires != 0 || request.CountHeaders(SipHeaderId.Contact) != 1)
        {
            return Reject(request, 400, "Contact * needs Expires: 0 and no other contact", tag);
        }
        var callId = request.CallId;
        var cseq = (long)request.CSeq.Number;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_bindings.TryGetValue(extension, out var list))
            {
                if (list.Exists(b => IsOutOfOrder(b, callId, cseq)))
                {
                    return Reject(request, 400, "CSeq out of order", tag);
                }
                foreach (var binding in list)
                {
                    events.Add(new RegistrationEvent(RegistrationChange.Removed, binding));
                    RegistrarLog.Unregistered(_logger, extension, binding.ContactUri, binding.Received);
                }
                list.Clear();
                _bindings.Remove(extension);
            }
            writes.Add(_writer.RemoveAll(extension));
            return Ok(request, tag, [], now);
        }
    }

    private SipMessageBuilder Bind(SipMessage request, string extension, SipPeer peer, string tag, List<RegistrationEvent> events, List<Task> writes)
    {
        if (!request.TryGetContacts(out var contacts))
        {
            return Reject(request, 400, "Malformed Contact", tag);
        }
        var wanted = new List<ContactRequest>(contacts.Count);
        foreach (var contact in contacts)
        {
            long seconds = contact.Expires ?? (long?)request.Expires ?? _options.DefaultExpiresSeconds;
            if (seconds > 0 && seconds < _options.MinExpiresSeconds)
            {
                // RFC 3261 §10.3 step 7: too brief; the whole request fails and nothing changes.
                RegistrarLog.Rejected(_logger, request.CallId, 423, "interval too brief");
                return request.CreateResponse(423, toTag: tag)
                    .Add(SipHeaderId.MinExpires, _options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture));
            }
            wanted.Add(new ContactRequest(contact.UriText, contact.InstanceId, Math.Min(seconds, _options.MaxExpiresSeconds)));
        }

        var callId = request.CallId;
        var cseq = (long)request.CSeq.Number;
        var userAgent = request.GetHeader(SipHeaderId.UserAgent);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_bindings.TryGetValue(extension, out var list))
            {
                list = [];
            }
            // RFC 3261 §10.3 step 7: the same Call-ID with a CSeq not above the binding's aborts the whole request.
            foreach (var contact in wanted)
            {
                if (list.Find(b => b.SameKey(contact.Uri, contact.InstanceId)) is { } existing && IsOutOfOrder(existing, callId, cseq))
                {
                    return Reject(request, 400, "CSeq out of order", tag);
                }
            }
            foreach (var contact in wanted)
            {
                var index = list.FindIndex(b => b.SameKey(contact.Uri, contact.InstanceId));
                if (contact.Seconds == 0)
                {
                    if (index >= 0)
                    {
                        var removed = list[index];
                        list.RemoveAt(index);
                        writes.Add(_writer.Remove(extension, removed.ContactUri));
                        events.Add(new RegistrationEvent(RegistrationChange.Removed, removed));
                        RegistrarLog.Unregistered(_logger, extension, removed.ContactUri, peer.Remote);
                    }
                    continue;
                }

                var binding = new RegistrationBinding(extension, contact.Uri, contact.InstanceId, peer.Protocol, peer.Remote, peer.ConnectionId,
                    now.AddSeconds(contact.Seconds), callId, cseq, userAgent);
                if (index >= 0)
                {
                    var old = list[index];
                    if (!string.Equals(old.ContactUri, contact.Uri, StringComparison.Ordinal))
                    {
                        writes.Add(_writer.Remove(extension, old.ContactUri)); // same +sip.instance, new Contact URI
                    }
                    list[index] = binding;
                    events.Add(new RegistrationEvent(RegistrationChange.Refreshed, binding));
                    RegistrarLog.Refreshed(_logger, extension, contact.Uri, peer.Protocol.ToString(), peer.Remote, (int)contact.Seconds);
                }
                else
                {
                    if (list.Count >= _options.MaxContactsPerExtension)
                    {
                        // Full: the binding closest to expiry makes room (a phone that moved without unregistering).
                        var victim = list.MinBy(b => b.ExpiresAt)!;
                        list.Remove(victim);
                        writes.Add(_writer.Remove(extension, victim.ContactUri));
                        events.Add(new RegistrationEvent(RegistrationChange.Removed, victim));
                        RegistrarLog.Replaced(_logger, extension, _options.MaxContactsPerExtension, victim.ContactUri, contact.Uri);
                    }
                    list.Add(binding);
                    events.Add(new RegistrationEvent(RegistrationChange.Added, binding));
                    RegistrarLog.Registered(_logger, extension, contact.Uri, peer.Protocol.ToString(), peer.Remote, (int)contact.Seconds);
                }
                writes.Add(_writer.Upsert(ToRow(binding)));
                NoteExpiry(binding.ExpiresAt);
            }
            if (list.Count > 0)
            {
                _bindings[extension] = list;
            }
            else
            {
                _bindings.Remove(extension);
            }
            return Ok(request, tag, list, now);
        }
    }

    private static bool IsOutOfOrder(RegistrationBinding binding, string callId, long cseq) =>
        string.Equals(binding.CallId, callId, StringComparison.Ordinal) && cseq <= binding.CSeq;

    // RFC 3261 §10.3 step 8: every current binding with its remaining expiry, and a Date.
    private static SipMessageBuilder Ok(SipMessage request, string tag, List<RegistrationBinding> bindings, DateTimeOffset now)
    {
        var response = request.CreateResponse(200, toTag: tag);
        foreach (var binding in bindings)
        {
            var seconds = (long)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds);
            var value = $"<{binding.ContactUri}>;expires={seconds.ToString(CultureInfo.InvariantCulture)}";
            if (binding.InstanceId is { } instance)
            {
                value += $";+sip.instance=\"<{instance}>\"";
            }
            response.Add(SipHeaderId.Contact, value);
        }
        response.Add("Date", FormatDate(now));
        return response;
    }

    private SipMessageBuilder Reject(SipMessage request, int status, string reason, string tag)
    {
        RegistrarLog.Rejected(_logger, SafeCallId(request), status, reason);
        return request.CreateResponse(status, toTag: tag);
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // Under _gate: one timer, due at the earliest expiry. A full scan, so only at start and after each sweep.
    private void Reschedule()
    {
        if (_timer is null || _disposed)
        {
            return;
        }
        DateTimeOffset? earliest = null;
        foreach (var list in _bindings.Values)
        {
            foreach (var binding in list)
            {
                if (earliest is null || binding.ExpiresAt < earliest)
                {
                    earliest = binding.ExpiresAt;
                }
            }
        }
        _armedFor = null;
        if (earliest is null)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        Arm(earliest.Value);
    }

    // Under _gate, per REGISTER: only an expiry earlier than the armed one moves the timer. Removals and refreshes of the
    // earliest binding leave it early; it then sweeps nothing and re-arms with a full scan (once per binding lifetime).
    private void NoteExpiry(DateTimeOffset expiresAt)
    {
        if (_timer is not null && !_disposed && (_armedFor is null || expiresAt < _armedFor))
        {
            Arm(expiresAt);
        }
    }

    private void Arm(DateTimeOffset at)
    {
        _armedFor = at;
        var due = at - _time.GetUtcNow();
        _timer!.Change(due < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : due, Timeout.InfiniteTimeSpan);
    }

    private void Sweep()
    {
        var expired = new List<RegistrationEvent>();
        try
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                foreach (var (number, list) in _bindings.ToList())
                {
                    foreach (var binding in list.Where(b => b.ExpiresAt <= now).ToList())
                    {
                        list.Remove(binding);
                        expired.Add(new RegistrationEvent(RegistrationChange.Expired, binding));
                        RegistrarLog.Expired(_logger, number, binding.ContactUri, binding.Received);
                    }
                    if (list.Count == 0)
                    {
                        _bindings.Remove(number);
                    }
                }
                if (expired.Count > 0)
                {
                    _repository.RemoveExpired();
                }
                Reschedule();
            }
        }
#pragma warning disable CA1031 // A timer callback must not throw; the next change re-arms the timer.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RegistrarLog.SweepFailed(_logger, exception);
        }
        Publish(expired);
    }

}

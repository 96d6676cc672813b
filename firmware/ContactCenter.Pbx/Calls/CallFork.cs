using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

/// <summary>The INVITE to one registered contact of the callee (RFC 3261 §16.6-style parallel forking, done as a B2BUA).</summary>
internal sealed class CallFork(RegistrationBinding binding, SipDestination flow, SipInviteClientTransaction transaction)
{
    /// <summary>The contact it rings.</summary>
    public RegistrationBinding Binding { get; } = binding;

    /// <summary>Where it goes (the contact's registered flow).</summary>
    public SipDestination Flow { get; } = flow;

    /// <summary>The INVITE client transaction.</summary>
    public SipInviteClientTransaction Transaction { get; } = transaction;

    /// <summary>The final response it got, null while it rings.</summary>
    public int? FinalStatus { get; set; }

    /// <summary>Whether a final response arrived.</summary>
    public bool IsDone => FinalStatus is not null;
}

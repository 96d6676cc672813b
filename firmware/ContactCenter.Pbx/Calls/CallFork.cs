using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Pbx.Calls;

/// <summary>The INVITE to one registered contact of the callee (RFC 3261 §16.6-style parallel forking, done as a B2BUA).</summary>
internal sealed class CallFork(RegistrationBinding binding, string number, SipDestination flow, SipInviteClientTransaction transaction, bool reroute)
{
    /// <summary>The contact it rings.</summary>
    public RegistrationBinding Binding { get; } = binding;

    /// <summary>The extension whose contact it rings (the callee, or whoever picks the call up or receives it).</summary>
    public string Number { get; } = number;

    /// <summary>Where it goes (the contact's registered flow).</summary>
    public SipDestination Flow { get; } = flow;

    /// <summary>The INVITE client transaction.</summary>
    public SipInviteClientTransaction Transaction { get; } = transaction;

    /// <summary>Whether it rings a new party for an answered call (transfer, recall) rather than the call's callee.</summary>
    public bool Reroute { get; } = reroute;

    /// <summary>The dialog of a rerouting fork that won (its retransmitted 2xx are acknowledged in it).</summary>
    public SipDialog? Dialog { get; set; }

    /// <summary>The final response it got, null while it rings.</summary>
    public int? FinalStatus { get; set; }

    /// <summary>Whether a final response arrived.</summary>
    public bool IsDone => FinalStatus is not null;
}

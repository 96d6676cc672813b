using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>A server transaction (RFC 3261 §17.2): the transaction user answers through <see cref="RespondAsync(SipMessageBuilder)"/>.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipStack stack, SipTransactionKey key, SipMessage request, SipDestination destination)
        : base(stack, key, request, destination)
    {
    }

    /// <summary>The status of the last response sent, 0 before any.</summary>
    public int LastStatusCode { get; private protected set; }

    /// <summary>The To tag of the responses sent so far (the first non-100 response fixes it).</summary>
    public string? LocalTag { get; private set; }

    private protected byte[]? LastResponse { get; set; }

    /// <summary>Sends a response built by the caller (start from <see cref="SipMessage.CreateResponse"/>). True when the transaction accepted it; false when it had already sent a final response or ended.</summary>
    public Task<bool> RespondAsync(SipMessageBuilder response)
    {
        var message = response.ToMessage();
        return Stack.InvokeAsync(() => Respond(message));
    }

    /// <summary>Sends a response with this status, copying the mandatory headers from the request.</summary>
    public Task<bool> RespondAsync(int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        RespondAsync(Request.CreateResponse(statusCode, reasonPhrase, toTag));

    /// <summary>On the loop: a retransmission of the request arrived.</summary>
    internal abstract void OnRetransmission();

    /// <summary>On the loop: the transaction user's response.</summary>
    internal abstract bool Respond(SipMessage response);

    private protected void SendResponse(SipMessage response)
    {
        LastStatusCode = response.StatusCode;
        if (response.StatusCode > 100)
        {
            LocalTag ??= response.To.Tag;
        }
        LastResponse = response.ToArray();
        Stack.Transmit(this, LastResponse);
    }

    private protected void Resend()
    {
        if (LastResponse is { } bytes)
        {
            Stack.Transmit(this, bytes);
        }
    }
}

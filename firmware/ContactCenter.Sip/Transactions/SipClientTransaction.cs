using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1). Responses reach the transaction user in order through
/// <see cref="Responses"/>; <see cref="FinalResponse"/> completes with the first final one. A timeout
/// or a transport failure is reported as a locally made 408 or 503 (§8.1.3.1).
/// </summary>
public abstract class SipClientTransaction : SipTransaction
{
    private readonly Channel<SipMessage> _responses = Channel.CreateUnbounded<SipMessage>(new() { SingleWriter = true });
    private readonly TaskCompletionSource<SipMessage> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipClientTransaction(SipStack stack, SipTransactionKey key, SipMessage request, byte[] requestBytes, SipDestination destination)
        : base(stack, key, request, destination)
    {
        RequestBytes = requestBytes;
    }

    /// <summary>Every response passed up, provisional and final, in arrival order; completes when the transaction ends.</summary>
    public ChannelReader<SipMessage> Responses => _responses.Reader;

    /// <summary>The first final response (or a local 408 / 503).</summary>
    public Task<SipMessage> FinalResponse => _final.Task;

    private protected byte[] RequestBytes { get; }

    private protected TimeSpan RetransmitInterval { get; set; }

    /// <summary>Timer A or E.</summary>
    private protected abstract SipTimer RetransmitTimer { get; }

    /// <summary>Timer B or F.</summary>
    private protected abstract SipTimer TimeoutTimer { get; }

    /// <summary>On the loop: sends the request; over UDP the retransmit timer starts at T1 (§17.1.1.2, §17.1.2.2); the timeout runs at 64*T1 on every transport.</summary>
    internal void Start()
    {
        Stack.Transmit(this, RequestBytes);
        if (!Destination.IsReliable)
        {
            RetransmitInterval = Timers.T1;
            StartTimer(RetransmitTimer, RetransmitInterval);
        }
        StartTimer(TimeoutTimer, Timers.Transaction);
    }

    /// <summary>On the loop: a response matched this transaction.</summary>
    internal abstract void OnResponse(SipMessage response);

    internal override void OnTransportError()
    {
        PassUp(Request.CreateResponse(503, "Service Unavailable (transport error)").ToMessage());
        Terminate();
    }

    private protected void PassUp(SipMessage response)
    {
        _responses.Writer.TryWrite(response);
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }

    private protected void TimedOut()
    {
        PassUp(Request.CreateResponse(408, "Request Timeout (no response)").ToMessage());
        Terminate();
    }

    private protected override void OnTerminated() => _responses.Writer.TryComplete();
}

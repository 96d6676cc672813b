using System.Threading.Channels;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip;

/// <summary>
/// The SIP core: transactions (RFC 3261 §17), the stateless checks of a UAS (§8.2) and OPTIONS.
/// One logical loop reads a work channel and owns every transaction, so no state needs a lock.
/// Transports hand it datagrams through <see cref="Receive"/>; the transaction user reads new
/// requests from <see cref="Requests"/> and sends requests with <see cref="SendRequest"/>.
/// </summary>
public sealed partial class SipStack : IAsyncDisposable
{
    private readonly Channel<WorkItem> _work = Channel.CreateUnbounded<WorkItem>(new() { SingleReader = true });
    private readonly Channel<SipServerTransaction> _requests = Channel.CreateUnbounded<SipServerTransaction>(new() { SingleWriter = true });
    private readonly Dictionary<SipTransactionKey, SipServerTransaction> _server = [];
    private readonly Dictionary<SipTransactionKey, SipClientTransaction> _client = [];
    private readonly Dictionary<string, SipServerTransaction> _merging = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SipInviteServerTransaction> _accepted = new(StringComparer.Ordinal);
    private readonly SipStackOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private ISipTransport? _transport;
    private Task? _loop;
    private long _loopFaults;
    private int _disposed;

    /// <summary>Creates the core; it runs once <see cref="Start"/> gives it a transport.</summary>
    public SipStack(SipStackOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _options = options;
        _logger = loggerFactory.CreateLogger("ContactCenter.Sip.Stack");
        Time = time;
        TimerSettings = new SipTimerSettings(options.T1, options.T2, options.T4);
        Throttle = new SourceLogThrottle(time);
    }

    /// <summary>New server transactions for the transaction user, in arrival order (out-of-dialog OPTIONS and rejected requests are answered by the core and never appear).</summary>
    public ChannelReader<SipServerTransaction> Requests => _requests.Reader;

    /// <summary>Dialogs the transaction user has established; in-dialog requests outside them get 481 (§12.2.2).</summary>
    public SipDialogSet Dialogs { get; } = new();

    /// <summary>The Server / User-Agent value of this element.</summary>
    public string UserAgent => _options.UserAgent;

    /// <summary>How many work items threw (each was logged); a growing count is a health failure.</summary>
    public long LoopFaults => Interlocked.Read(ref _loopFaults);

    internal TimeProvider Time { get; }

    internal SipTimerSettings TimerSettings { get; }

    private SourceLogThrottle Throttle { get; }

    /// <summary>Starts the loop, sending through <paramref name="transport"/>.</summary>
    public void Start(ISipTransport transport)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The SIP stack is already running.");
        }
        _transport = transport;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Runs <paramref name="action"/> on the loop and returns its result: how the transaction user changes stack state.</summary>
    public Task<T> InvokeAsync<T>(Func<T> action)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(WorkItem.Invoke(() =>
        {
            try
            {
                completion.TrySetResult(action());
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
                throw;
            }
        }));
        return completion.Task;
    }

    /// <summary>Stops the loop; transactions still alive are dropped with their timers. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _work.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        foreach (var transaction in _server.Values.Cast<SipTransaction>().Concat(_client.Values).ToList())
        {
            transaction.OnTransportError();
        }
        _requests.Writer.TryComplete();
        _stopping.Dispose();
    }

    internal void PostTimer(SipTransaction transaction, SipTimer timer, int generation) =>
        Post(WorkItem.Timer(transaction, timer, generation));

    internal void Forget(SipTransaction transaction)
    {
        switch (transaction)
        {
            case SipServerTransaction server:
                _server.Remove(server.Key);
                if (MergeKey(server.Request) is { } merge && _merging.TryGetValue(merge, out var owner) && owner == server)
                {
                    _merging.Remove(merge);
                }
                if (server is SipInviteServerTransaction invite)
                {
                    var accepted = AcceptedKey(invite.Request);
                    if (_accepted.TryGetValue(accepted, out var tracked) && tracked == invite)
                    {
                        _accepted.Remove(accepted);
                    }
                }
                break;
            case SipClientTransaction client:
                _client.Remove(client.Key);
                break;
        }
    }

    internal void TrackAccepted(SipInviteServerTransaction transaction) => _accepted[AcceptedKey(transaction.Request)] = transaction;

    /// <summary>Sends the bytes of a transaction; a failure comes back to the loop as a transport error of that transaction.</summary>
    internal void Transmit(SipTransaction transaction, byte[] bytes)
    {
        var destination = transaction.Destination;
        var sending = _transport!.SendAsync(destination.Protocol, destination.EndPoint, bytes, destination.ConnectionId, _stopping.Token);
        if (sending.IsCompletedSuccessfully)
        {
            if (!sending.Result)
            {
                Post(WorkItem.TransportError(transaction));
            }
            return;
        }
        _ = ObserveAsync(sending, transaction);
    }

    private async Task ObserveAsync(ValueTask<bool> sending, SipTransaction transaction)
    {
        bool sent;
        try
        {
            sent = await sending;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            sent = false;
        }
        if (!sent)
        {
            Post(WorkItem.TransportError(transaction));
        }
    }

    private void SendStateless(SipMessageBuilder response, SipDestination destination)
    {
        var sending = _transport!.SendAsync(destination.Protocol, destination.EndPoint, response.ToArray(), destination.ConnectionId, _stopping.Token);
        if (!sending.IsCompleted)
        {
            _ = sending.AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private void Post(WorkItem item)
    {
        if (!_work.Writer.TryWrite(item))
        {
            item.Message?.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    Execute(item);
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref _loopFaults);
                    SipStackLog.LoopFault(_logger, item.Kind.ToString(), exception);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: not an error (STYLE §7).
        }
    }

    private void Execute(in WorkItem item)
    {
        switch (item.Kind)
        {
            case WorkKind.Request:
                OnRequest(item.Message!);
                break;
            case WorkKind.Response:
                OnResponse(item.Message!);
                break;
            case WorkKind.Timer:
                item.Transaction!.OnTimer(item.TimerKind, item.Generation);
                break;
            case WorkKind.TransportError:
                if (item.Transaction!.State != SipTransactionState.Terminated)
                {
                    SipStackLog.TransportError(_logger, item.Transaction.Request.MethodName, item.Transaction.Destination.EndPoint);
                    item.Transaction.OnTransportError();
                }
                break;
            case WorkKind.Invoke:
                item.Action!();
                break;
        }
    }

    private enum WorkKind
    {
        Request,
        Response,
        Timer,
        TransportError,
        Invoke,
    }

    private readonly record struct WorkItem(WorkKind Kind, SipMessage? Message, SipTransaction? Transaction, SipTimer TimerKind, int Generation, Action? Action)
    {
        public static WorkItem Received(SipMessage message) => new(message.IsRequest ? WorkKind.Request : WorkKind.Response, message, null, default, 0, null);

        public static WorkItem Timer(SipTransaction transaction, SipTimer timer, int generation) => new(WorkKind.Timer, null, transaction, timer, generation, null);

        public static WorkItem TransportError(SipTransaction transaction) => new(WorkKind.TransportError, null, transaction, default, 0, null);

        public static WorkItem Invoke(Action action) => new(WorkKind.Invoke, null, null, default, 0, action);
    }
}

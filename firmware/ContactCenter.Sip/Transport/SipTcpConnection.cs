using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One TCP connection of <see cref="SipTransportLayer"/>: a read loop (PipeReader + <see cref="SipStreamFramer"/>),
/// serialised writes, and an idle deadline on the injected clock.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private static readonly ReadOnlyMemory<byte> Pong = "\r\n"u8.ToArray();

    private readonly SipTransportLayer _owner;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closeCts = new();
    private readonly ITimer _idleTimer;
    private readonly TimeSpan _idleTimeout;
    private long _lastActivity;
    private int _closed;
    private string _closeReason = "closed";

    public SipTcpConnection(SipTransportLayer owner, Socket socket, long id, IPEndPoint remote, IPEndPoint local, bool inbound)
    {
        _owner = owner;
        _socket = socket;
        Id = id;
        Remote = remote;
        Local = local;
        Inbound = inbound;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        _idleTimeout = owner.Options.TcpIdleTimeout;
        _lastActivity = owner.Time.GetTimestamp();
        _idleTimer = owner.Time.CreateTimer(static state => ((SipTcpConnection)state!).OnIdleTimer(), this, _idleTimeout, Timeout.InfiniteTimeSpan);
        Completion = Task.CompletedTask;
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; }

    public bool Inbound { get; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    /// <summary>The read loop; it never faults (every failure is caught and logged inside).</summary>
    public Task Completion { get; private set; }

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>Writes one message. False when the connection is closed or the write failed or timed out (the connection is then closed).</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            return false;
        }

        CancellationTokenSource? timeout = null;
        CancellationTokenSource? linked = null;
        bool entered = false;
        try
        {
            timeout = new CancellationTokenSource(_owner.Options.TcpSendTimeout, _owner.Time);
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _closeCts.Token);
            await _sendLock.WaitAsync(linked.Token);
            entered = true;
            await _stream.WriteAsync(data, linked.Token);
            Touch();
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A write cut short leaves the stream mid-message: it cannot carry another one.
            if (entered)
            {
                Close("send cancelled");
            }

            throw;
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
        {
            Close("send timed out (peer not reading)");
            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Close("send failed");
            return false;
        }
        finally
        {
            if (entered)
            {
                _sendLock.Release();
            }

            linked?.Dispose();
            timeout?.Dispose();
        }
    }

    /// <summary>Closes the socket once; the read loop then ends and unregisters the connection. Never blocks.</summary>
    public void Close(string reason)
    {
        if (Interlocked.CompareExchange(ref _closed, 1, 0) != 0)
        {
            return;
        }

        _closeReason = reason;
        try
        {
            _closeCts.Cancel();
        }
        catch (AggregateException)
        {
            // Registrations are ours and do not throw; nothing to add.
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset by the peer.
        }

        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Close("transport stopping");
        await Completion;
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _owner.Time.GetTimestamp());

    private void OnIdleTimer()
    {
        if (!IsOpen)
        {
            return;
        }

        var idle = _owner.Time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (idle >= _idleTimeout)
        {
            Close("idle timeout");
            return;
        }

        try
        {
            // Exact deadline from the last activity, not a periodic scan.
            _idleTimer.Change(_idleTimeout - idle, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Closed concurrently.
        }
    }

    private async Task RunAsync()
    {
        var peer = new SipPeer(SipTransportProtocol.Tcp, Remote, Local, Id);
        var options = _owner.Options;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_closeCts.Token);
                var buffer = result.Buffer;
                Touch();

                string? rejection = null;
                bool more = true;
                while (more)
                {
                    switch (SipStreamFramer.TryReadFrame(ref buffer, options.MaxMessageSize, out var message))
                    {
                        case SipFrameStatus.Message:
                            Deliver(message, in peer);
                            break;
                        case SipFrameStatus.KeepAlivePing:
                            // RFC 5626 §4.4.1: a double-CRLF ping is answered with a single CRLF pong.
                            await SendAsync(Pong, CancellationToken.None);
                            break;
                        case SipFrameStatus.NeedMoreData:
                            more = false;
                            break;
                        case SipFrameStatus.MissingContentLength:
                            // RFC 3261 §18.3: Content-Length is mandatory on streams; without it the stream cannot be resynchronised.
                            rejection = "message without Content-Length";
                            break;
                        case SipFrameStatus.InvalidContentLength:
                            rejection = "invalid Content-Length";
                            break;
                        default:
                            rejection = "message larger than the limit";
                            break;
                    }

                    more &= rejection is null;
                }

                if (rejection is null && buffer.Length > options.MaxBufferedBytesPerConnection)
                {
                    rejection = "too many bytes buffered without a complete message";
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (rejection is not null)
                {
                    _owner.ReportStreamRejected(this, rejection);
                    Close(rejection);
                    break;
                }

                if (result.IsCompleted)
                {
                    Close("closed by peer");
                    break;
                }

                if (result.IsCanceled || !IsOpen)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Close(IsOpen ? "connection reset" : _closeReason);
        }
        catch (Exception e)
        {
            SipTransportLog.ConnectionFaulted(_owner.Logger, e, Id, Remote);
            Close("faulted");
        }
        finally
        {
            await _reader.CompleteAsync();
            _idleTimer.Dispose();
            _closeCts.Dispose();
            await _stream.DisposeAsync();
            _owner.Unregister(this);
            SipTransportLog.ConnectionClosed(_owner.Logger, Id, Remote, _closeReason);
        }
    }

    private void Deliver(in ReadOnlySequence<byte> message, in SipPeer peer)
    {
        if (message.IsSingleSegment)
        {
            _owner.Deliver(message.FirstSpan, in peer);
            return;
        }

        // Bounded by MaxMessageSize: the framer never yields a larger message.
        int length = (int)message.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            message.CopyTo(rented);
            _owner.Deliver(rented.AsSpan(0, length), in peer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

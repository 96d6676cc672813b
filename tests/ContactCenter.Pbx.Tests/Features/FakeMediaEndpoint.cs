using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Quality;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>
/// An <see cref="IMediaEndpoint"/> that keeps what the call did to it: the offers it answered, the answers it applied,
/// the digits it was given, whether it was disposed. Its SDP names its own port, so a test can tell its SDP from a
/// phone's. Offers are accepted unless <see cref="RefuseOffers"/>.
/// </summary>
public sealed class FakeMediaEndpoint(int port) : IMediaEndpoint
{
    private readonly Lock _gate = new();
    private readonly List<string> _offersAnswered = [];
    private readonly List<string> _answersApplied = [];
    private readonly List<DtmfDigit> _signalled = [];
    private readonly Channel<DtmfDigit> _digits = Channel.CreateUnbounded<DtmfDigit>();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _offers;

    /// <summary>Makes <see cref="TryAnswer"/> refuse every offer (an offer of no acceptable codec).</summary>
    public bool RefuseOffers { get; set; }

    public int Port { get; } = port;

    public IAudioSource? Source { get; set; }

    public IAudioSink? Sink { get; set; }

    public ChannelReader<DtmfDigit> Digits => _digits.Reader;

    public IReadOnlyList<string> OffersAnswered => Snapshot(_offersAnswered);

    public IReadOnlyList<string> AnswersApplied => Snapshot(_answersApplied);

    public IReadOnlyList<DtmfDigit> SignalledDigits => Snapshot(_signalled);

    /// <summary>How many offers it made.</summary>
    public int OffersMade => Volatile.Read(ref _offers);

    /// <summary>Completes when the call disposed it.</summary>
    public Task Disposed => _disposed.Task;

    public bool IsDisposed => _disposed.Task.IsCompleted;

    /// <summary>The SDP it sends: PCMU and telephone-event on <see cref="Port"/>, with the session version given.</summary>
    public string Sdp(int version, string direction = "sendrecv") =>
        string.Create(CultureInfo.InvariantCulture,
            $"v=0\r\no=- 9{Port} {version} IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            $"m=audio {Port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na={direction}\r\n");

    public bool TryAnswer(ReadOnlySpan<byte> offer, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? answer)
    {
        answer = null;
        if (RefuseOffers)
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(offer);
        lock (_gate)
        {
            _offersAnswered.Add(text);
        }
        // A hold offer (sendonly) gets a matching recvonly answer, as RFC 3264 §6.1 asks.
        var direction = text.Contains("a=sendonly", StringComparison.Ordinal) ? "recvonly" : "sendrecv";
        answer = Encoding.UTF8.GetBytes(Sdp(OffersAnswered.Count, direction));
        return true;
    }

    public byte[] CreateOffer() => Encoding.UTF8.GetBytes(Sdp(100 + Interlocked.Increment(ref _offers)));

    public bool TryApplyAnswer(ReadOnlySpan<byte> answer)
    {
        lock (_gate)
        {
            _answersApplied.Add(Encoding.UTF8.GetString(answer));
        }
        return OffersMade > 0;
    }

    public void AcceptSignalledDigit(DtmfDigit digit)
    {
        lock (_gate)
        {
            _signalled.Add(digit);
        }
        _digits.Writer.TryWrite(digit);
    }

    /// <summary>What <see cref="MeasureQuality"/> reports: null (nothing received) unless a test sets it.</summary>
    public CallQuality? Quality { get; set; }

    public CallQuality? MeasureQuality() => Quality;

    public void SendDigit(char digit, int durationMilliseconds) => throw new NotSupportedException("the fake endpoint sends nothing");

    public ValueTask DisposeAsync()
    {
        _digits.Writer.TryComplete();
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}

using System.Threading.Channels;
using ContactCenter.Media.Clock;
using ContactCenter.Media.Codecs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Records what an endpoint receives to a 16-bit PCM WAVE file (<see cref="WavWriter"/>) at the rate of the first frame
/// received (later frames at the other rate are converted). Ends at <see cref="RecorderOptions.MaxDuration"/>, after
/// <see cref="RecorderOptions.SilenceTimeout"/> of silence, or on <see cref="Stop"/>; <see cref="Completion"/> says
/// which and how long the file is.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Write"/> runs on the media clock and never touches the disk: it copies the frame into one of a fixed set
/// of buffers and posts it on a bounded channel to a writer loop on the thread pool, which returns the buffer after
/// writing. No allocation per frame. If the disk falls more than <see cref="RecorderOptions.BufferedFrames"/> behind, frames are dropped
/// and counted rather than blocking the clock.
/// </para>
/// <para>
/// The writer patches the header and flushes to the device after each second of audio, so a crash or power cut loses at
/// most about one second (plus any frames still waiting for a slow disk): the file then reads as a valid WAVE file of
/// what was flushed (see <see cref="WavWriter"/>).
/// </para>
/// <para>
/// Silence: a frame is silent when its RMS level is under <see cref="RecorderOptions.SilenceThresholdDbfs"/>. When the
/// recording ends on silence, the trailing silence is trimmed to <see cref="RecorderOptions.TrailingSilenceKept"/>; a
/// recording stopped by its owner or by its length keeps everything. A recording that was silent from the start ends
/// with an empty file and a zero duration, which the caller may delete.
/// </para>
/// </remarks>
public sealed class Recorder : IAudioSink, IAsyncDisposable
{
    private const int Running = 0;

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Channel<short[]> _free;
    private readonly Channel<PendingFrame> _pending;
    private readonly Resampler _up = new(MediaFrame.NarrowbandRate, MediaFrame.WidebandRate);
    private readonly Resampler _down = new(MediaFrame.WidebandRate, MediaFrame.NarrowbandRate);
    private readonly long _silenceThresholdSquare;
    private readonly TimeSpan _maxDuration;
    private readonly TimeSpan? _silenceTimeout;
    private readonly TimeSpan _trailingSilenceKept;

    // 0 while running, then 1 + the RecordingEndReason; set once by whichever side ends the recording first.
    private int _ended;

    // Samples the file keeps when the recording ends (long.MaxValue = all); written before the channel completes.
    private long _keepSamples = long.MaxValue;
    private long _droppedFrames;

    // Clock thread only.
    private int _fileRate;
    private long _maxSamples;
    private long _silenceLimitSamples;
    private long _samples;
    private long _voiceEndSamples;

    private Recorder(string path, FileStream file, RecorderOptions options, ILogger logger)
    {
        _path = path;
        _logger = logger;
        _maxDuration = options.MaxDuration;
        _silenceTimeout = options.SilenceTimeout;
        _trailingSilenceKept = options.TrailingSilenceKept;
        double threshold = short.MaxValue * Math.Pow(10, options.SilenceThresholdDbfs / 20);
        _silenceThresholdSquare = (long)(threshold * threshold);
        _free = Channel.CreateBounded<short[]>(options.BufferedFrames);
        for (int i = 0; i < options.BufferedFrames; i++)
        {
            _free.Writer.TryWrite(new short[MediaFrame.MaxSamples]);
        }

        // Continuations never run inline, so completing a read never runs the disk loop on the clock thread.
        _pending = Channel.CreateBounded<PendingFrame>(new BoundedChannelOptions(options.BufferedFrames)
        {
            SingleReader = true,
            AllowSynchronousContinuations = false,
        });
        // The channel's queue grows on demand; filling it once here means the clock thread never makes it grow (it
        // can never hold more frames than there are buffers).
        for (int i = 0; i < options.BufferedFrames; i++)
        {
            _pending.Writer.TryWrite(default);
        }

        while (_pending.Reader.TryRead(out _))
        {
        }

        // Without the owner's execution context, waking the loop from the clock thread queues it without allocating.
        using (ExecutionContext.SuppressFlow())
        {
            Completion = Task.Run(() => WriteLoopAsync(file));
        }
    }

    /// <summary>Completes when the file is closed: why the recording ended, and how long the file is. Never faults.</summary>
    public Task<RecordingResult> Completion { get; }

    /// <summary>
    /// Creates (or replaces) the file at <paramref name="path"/> on the calling thread, so a bad path fails here, and
    /// starts recording whatever <see cref="Write"/> receives.
    /// </summary>
    /// <param name="path">The WAVE file to write.</param>
    /// <param name="options">When to end; the defaults suit a voicemail message.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <returns>The recorder; set it as the endpoint's sink.</returns>
    public static Recorder Start(string path, RecorderOptions? options = null, ILogger<Recorder>? logger = null)
    {
        options ??= new RecorderOptions();
        options.Validate();
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        return new Recorder(path, file, options, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<short> frame, int sampleRate)
    {
        if (Volatile.Read(ref _ended) != Running)
        {
            return;
        }

        if (_fileRate == 0)
        {
            _fileRate = sampleRate;
            _maxSamples = (long)(_maxDuration.TotalSeconds * sampleRate);
            _silenceLimitSamples = _silenceTimeout is { } timeout ? (long)(timeout.TotalSeconds * sampleRate) : long.MaxValue;
        }

        if (!_free.Reader.TryRead(out short[]? buffer))
        {
            Interlocked.Increment(ref _droppedFrames);
            return;
        }

        int length = Convert(frame, sampleRate, buffer);
        length = (int)Math.Min(length, _maxSamples - _samples);
        var samples = buffer.AsSpan(0, length);
        _samples += length;
        if (IsVoice(samples))
        {
            _voiceEndSamples = _samples;
        }

        if (!_pending.Writer.TryWrite(new PendingFrame(buffer, length, _fileRate)))
        {
            // Stopped by the owner since the check above.
            _free.Writer.TryWrite(buffer);
            return;
        }

        if (_samples >= _maxSamples)
        {
            End(RecordingEndReason.MaxDuration, long.MaxValue);
        }
        else if (_samples - _voiceEndSamples >= _silenceLimitSamples)
        {
            End(RecordingEndReason.Silence, _voiceEndSamples + (long)(_trailingSilenceKept.TotalSeconds * _fileRate));
        }
    }

    /// <summary>Ends the recording, keeping everything received so far; the file closes shortly after. Idempotent.</summary>
    public void Stop() => End(RecordingEndReason.Stopped, long.MaxValue);

    /// <summary>Stops the recording and waits for the file to close.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await Completion;
    }

    private void End(RecordingEndReason reason, long keepSamples)
    {
        if (Interlocked.CompareExchange(ref _ended, 1 + (int)reason, Running) == Running)
        {
            // The writer loop reads it once the channel completes.
            Volatile.Write(ref _keepSamples, keepSamples);
            _pending.Writer.TryComplete();
        }
    }

    // Converts to the file's rate into buffer; returns the sample count.
    private int Convert(ReadOnlySpan<short> frame, int sampleRate, short[] buffer)
    {
        if (sampleRate == _fileRate)
        {
            frame.CopyTo(buffer);
            return frame.Length;
        }

        var converter = sampleRate < _fileRate ? _up : _down;
        int length = frame.Length * _fileRate / sampleRate;
        converter.Process(frame, buffer.AsSpan(0, length));
        return length;
    }

    private bool IsVoice(ReadOnlySpan<short> samples)
    {
        long sum = 0;
        foreach (short s in samples)
        {
            sum += s * s;
        }

        return samples.Length > 0 && sum / samples.Length >= _silenceThresholdSquare;
    }

    private async Task<RecordingResult> WriteLoopAsync(FileStream file)
    {
        WavWriter? writer = null;
        try
        {
            long unflushed = 0;
            while (await _pending.Reader.WaitToReadAsync())
            {
                while (_pending.Reader.TryRead(out var frame))
                {
                    try
                    {
                        writer ??= new WavWriter(file, frame.SampleRate);
                        writer.Write(frame.Buffer.AsSpan(0, frame.Length));
                    }
                    finally
                    {
                        _free.Writer.TryWrite(frame.Buffer);
                    }

                    unflushed += frame.Length;
                    if (unflushed >= writer.SampleRate)
                    {
                        writer.Flush(toDisk: true);
                        unflushed = 0;
                    }
                }
            }

            writer ??= new WavWriter(file, MediaFrame.NarrowbandRate);
            writer.Truncate(Math.Min(Volatile.Read(ref _keepSamples), writer.SampleCount));
            var duration = writer.Duration;
            writer.Dispose();
            return Result((RecordingEndReason)(Volatile.Read(ref _ended) - 1), duration, null);
        }
        catch (Exception e)
        {
            // Disk full, device gone: the file keeps what was flushed and the owner learns why from the result.
            var duration = writer?.Duration ?? TimeSpan.Zero;
            End(RecordingEndReason.Failed, long.MaxValue);
            while (_pending.Reader.TryRead(out var frame))
            {
                _free.Writer.TryWrite(frame.Buffer);
            }

            try
            {
                await file.DisposeAsync();
            }
            catch (IOException)
            {
                // The buffered tail could not be written either; the handle is closed and the first failure is reported.
            }

            SourcesAndSinksLog.RecordingFailed(_logger, e, _path, duration);
            return Result(RecordingEndReason.Failed, duration, e);
        }
    }

    private RecordingResult Result(RecordingEndReason reason, TimeSpan duration, Exception? error)
    {
        long dropped = Interlocked.Read(ref _droppedFrames);
        if (dropped > 0)
        {
            SourcesAndSinksLog.RecordingDroppedFrames(_logger, _path, dropped);
        }

        return new RecordingResult(reason, duration, dropped, error);
    }

    private readonly record struct PendingFrame(short[] Buffer, int Length, int SampleRate);
}

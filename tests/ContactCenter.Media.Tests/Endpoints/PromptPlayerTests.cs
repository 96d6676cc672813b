using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class PromptPlayerTests
{
    private readonly PromptPlayer _player = new();

    [Fact]
    public void EmptyQueue_ReadsFalseAndSilence()
    {
        short[] frame = [.. Enumerable.Repeat((short)7, 160)];
        Assert.False(_player.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task Prompts_PlayInOrder_BackToBack_ThenTheQueueEnds()
    {
        var first = _player.Enqueue(Constant(1000, 250));
        var second = _player.Enqueue(Constant(-2000, 100));
        var frame = new short[160];

        Assert.True(_player.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(1000, s));
        Assert.False(first.IsCompleted);

        Assert.True(_player.Read(frame, 8000));
        Assert.All(frame.AsSpan(0, 90).ToArray(), s => Assert.Equal(1000, s));
        Assert.All(frame.AsSpan(90, 70).ToArray(), s => Assert.Equal(-2000, s));
        Assert.Equal(PromptOutcome.Played, await first);

        Assert.True(_player.Read(frame, 8000));
        Assert.All(frame.AsSpan(0, 30).ToArray(), s => Assert.Equal(-2000, s));
        Assert.All(frame.AsSpan(30).ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(PromptOutcome.Played, await second);

        Assert.False(_player.Read(frame, 8000));
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(16000, 16000)]
    public async Task Clip_IsConvertedToTheReadersRate_KeepingItsPitchAndLength(int clipRate, int readRate)
    {
        var clip = new AudioClip("tone", SignalMath.Sine(1000, 10000, clipRate, clipRate), clipRate);
        var done = _player.Enqueue(clip);
        var output = new List<short>();
        var frame = new short[readRate / 50];
        while (_player.Read(frame, readRate))
        {
            output.AddRange(frame);
        }

        Assert.Equal(readRate, output.Count);
        Assert.Equal(PromptOutcome.Played, await done);
        var steady = output.ToArray().AsSpan(readRate / 10, readRate / 2);
        Assert.InRange(SignalMath.ToneAmplitude(steady, 1000, readRate), 9000, 11000);
        Assert.InRange(SignalMath.ToneAmplitude(steady, 2000, readRate), 0, 100);
    }

    [Fact]
    public async Task Interrupt_StopsThePromptAndDropsTheQueue_ButNotUninterruptiblePrompts()
    {
        var menu = _player.Enqueue(Constant(1000, 8000));
        var notice = _player.Enqueue(Constant(2000, 200), interruptible: false);
        var options = _player.Enqueue(Constant(3000, 8000));
        var frame = new short[160];
        _player.Read(frame, 8000);

        _player.Interrupt();

        Assert.Equal(PromptOutcome.Interrupted, await menu);
        Assert.Equal(PromptOutcome.Interrupted, await options);
        Assert.Equal(1, _player.QueuedCount);
        Assert.True(_player.Read(frame, 8000));
        Assert.All(frame, s => Assert.Equal(2000, s));

        // Playing now: a further digit does not cut it either.
        _player.Interrupt();
        Assert.True(_player.Read(frame, 8000));
        Assert.All(frame.AsSpan(0, 40).ToArray(), s => Assert.Equal(2000, s));
        Assert.Equal(PromptOutcome.Played, await notice);
        Assert.False(_player.Read(frame, 8000));
    }

    [Fact]
    public async Task Clear_DropsEverything()
    {
        var menu = _player.Enqueue(Constant(1000, 8000));
        var notice = _player.Enqueue(Constant(2000, 8000), interruptible: false);
        _player.Read(new short[160], 8000);

        _player.Clear();

        Assert.Equal(PromptOutcome.Cleared, await menu);
        Assert.Equal(PromptOutcome.Cleared, await notice);
        Assert.False(_player.Read(new short[160], 8000));
    }

    [Fact]
    public async Task PromptEnd_RunsTheOwnersContinuationOffTheClockThread()
    {
        var done = _player.Enqueue(Constant(1, 160));
        int continuationThread = 0;
        var continuation = done.ContinueWith(_ => continuationThread = Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);
        int clockThread = 0;
        var clock = new Thread(() =>
        {
            clockThread = Environment.CurrentManagedThreadId;
            _player.Read(new short[160], 8000);
        });
        clock.Start();
        clock.Join();

        await continuation;
        Assert.NotEqual(clockThread, continuationThread);
    }

    [Fact]
    public void Read_DoesNotAllocate()
    {
        _player.Enqueue(new AudioClip("tone", SignalMath.Sine(440, 8000, 8000, 80000), 8000));
        _player.Enqueue(new AudioClip("tone", SignalMath.Sine(440, 8000, 16000, 160000), 16000));
        var frame = new short[320];
        ReadBoth(frame, 200);

        // Measured after a warm-up, so the JIT's own work on this thread is not counted.
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadBoth(frame, 700);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void ReadBoth(short[] frame, int times)
    {
        for (int i = 0; i < times; i++)
        {
            _player.Read(frame, 16000);
            _player.Read(frame.AsSpan(0, 160), 8000);
        }
    }

    private static AudioClip Constant(short value, int length) => new("constant", [.. Enumerable.Repeat(value, length)], 8000);
}

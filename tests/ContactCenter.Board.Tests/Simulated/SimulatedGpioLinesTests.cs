using ContactCenter.Board.Gpio;
using ContactCenter.Board.Keys;
using ContactCenter.Board.Simulated;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Board.Tests.Simulated;

public class SimulatedGpioLinesTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Output_ShowsWhatWasLastSet()
    {
        using var board = new SimulatedGpioLines([20, 21], [5], _time);

        board.SetOutput(21, true);

        Assert.True(board.GetOutput(21));
        Assert.False(board.GetOutput(20));
        board.SetOutput(21, false);
        Assert.False(board.GetOutput(21));
    }

    [Fact]
    public void Tap_PostsAPressThatIsAlreadyOver_WhichAKeyEngineReportsAtOnce()
    {
        using var board = new SimulatedGpioLines([20], [5], _time);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var keys = new KeyEngine(_time, [new KeySettings("k5", TimeSpan.FromMilliseconds(20))], KeyEngine.DefaultLongPress);

        board.Tap(5, hold: TimeSpan.FromMilliseconds(100), settled: TimeSpan.FromMilliseconds(20));
        while (board.Edges.TryRead(out var edge))
        {
            keys.OnEdge(0, edge.Kind == GpioEdgeKind.Rising, edge.Timestamp);
        }

        Assert.True(keys.Presses.TryRead(out var press));
        Assert.Equal(new KeyPress("k5", KeyPressKind.Short), press);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void PressAndRelease_PostRisingThenFallingEdgesStampedFromTheClock()
    {
        using var board = new SimulatedGpioLines([20], [5], _time);
        long pressedAt = _time.GetTimestamp();

        board.Press(5);
        _time.Advance(TimeSpan.FromMilliseconds(120));
        board.Release(5);

        Assert.True(board.Edges.TryRead(out GpioEdge press));
        Assert.Equal(new GpioEdge(5, GpioEdgeKind.Rising, pressedAt), press);
        Assert.True(board.Edges.TryRead(out GpioEdge release));
        Assert.Equal(GpioEdgeKind.Falling, release.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(120), _time.GetElapsedTime(press.Timestamp, release.Timestamp));
    }

    [Fact]
    public void PressingAPressedKey_PostsNoEdge()
    {
        using var board = new SimulatedGpioLines([], [5], _time);

        board.Press(5);
        board.Press(5);

        Assert.True(board.Edges.TryRead(out _));
        Assert.False(board.Edges.TryRead(out _));
    }

    [Fact]
    public void LinesOfTheWrongKind_AreRefused()
    {
        using var board = new SimulatedGpioLines([20], [5], _time);

        Assert.Throws<ArgumentOutOfRangeException>(() => board.SetOutput(5, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => board.GetOutput(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => board.Press(20));
        Assert.Throws<ArgumentException>(() => new SimulatedGpioLines([7], [7], _time));
    }

    [Fact]
    public async Task Dispose_CompletesTheEdgeStream()
    {
        var board = new SimulatedGpioLines([], [5], _time);

        board.Dispose();

        await board.Edges.Completion;
        Assert.True(board.Edges.Completion.IsCompletedSuccessfully);
    }
}

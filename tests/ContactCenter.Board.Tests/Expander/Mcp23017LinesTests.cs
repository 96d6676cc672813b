using System.Threading.Channels;
using ContactCenter.Board.Expander;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.I2c;
using ContactCenter.Board.Simulated;
using ContactCenter.Board.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContactCenter.Board.Tests.Expander;

public sealed class Mcp23017LinesTests : IDisposable
{
    private const int HostLine = 4;
    private static readonly TimeSpan Poll = Mcp23017Lines.DefaultPollInterval;

    private readonly FakeTimeProvider _time = new();
    private readonly FakeMcp23017 _chip = new();
    private readonly SimulatedGpioLines _host;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public Mcp23017LinesTests()
    {
        _host = new SimulatedGpioLines([], [HostLine], _time);
        _chip.InterruptLine = asserted => _host.SetInput(HostLine, asserted);
    }

    // Keys to ground with pull-ups on GPA0, GPA1 and GPB1 (pin 9), an active-high sensor on GPB7 (pin 15) without pull,
    // an LED on GPA4 and one sunk by GPB4 (pin 12, active-low) that starts lit.
    private static GpioLineSettings[] Panel =>
    [
        Key(0),
        Key(1),
        Key(9),
        GpioLineSettings.Input(15) with { Bias = GpioBias.Disabled },
        GpioLineSettings.Output(4),
        GpioLineSettings.Output(12) with { ActiveLow = true, InitialHigh = true },
    ];

    public void Dispose()
    {
        _host.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public void Open_ProgramsTheChip_InOrder_WithInterrupts()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);

        Assert.Equal(
            [
                (Mcp23017Register.GpIntEnB, 0x00),        // IOCON's address if a chip was left in BANK = 1
                (Mcp23017Register.IoCon, 0x40),           // BANK = 0, MIRROR, sequential, push-pull active-low INT
                (Mcp23017Register.OLatA, 0x00),           // LED on GPA4 starts off
                (Mcp23017Register.OLatB, 0x00),           // active-low LED on GPB4 starts lit: latch low
                (Mcp23017Register.IPolA, 0b0000_0011),    // active-low keys read inverted
                (Mcp23017Register.IPolB, 0b0000_0010),
                (Mcp23017Register.GpPuA, 0b0000_0011),    // their pull-ups
                (Mcp23017Register.GpPuB, 0b0000_0010),
                (Mcp23017Register.DefValA, 0x00),
                (Mcp23017Register.DefValB, 0x00),
                (Mcp23017Register.IntConA, 0x00),         // interrupt on change from the previous level
                (Mcp23017Register.IntConB, 0x00),
                (Mcp23017Register.IoDirA, 0b1110_1111),   // all inputs but GPA4
                (Mcp23017Register.IoDirB, 0b1110_1111),   // all inputs but GPB4
                (Mcp23017Register.GpIntEnA, 0b0000_0011), // the keys and the sensor raise INT
                (Mcp23017Register.GpIntEnB, 0b1000_0010),
            ],
            _chip.Writes.Select(w => (w.Register, (int)w.Value)));
        Assert.False(_chip.Level(4));
        Assert.False(_chip.Level(12));
        Assert.True(lines.GetOutput(12));
    }

    [Fact]
    public void Open_WithoutInterruptLine_LeavesInterruptsOff()
    {
        using Mcp23017Lines lines = Polled(Panel);

        Assert.Equal(0x40, _chip[Mcp23017Register.IoCon]);
        Assert.Equal(0, _chip[Mcp23017Register.GpIntEnA]);
        Assert.Equal(0, _chip[Mcp23017Register.GpIntEnB]);
        Assert.Equal(0b0000_0011, _chip[Mcp23017Register.GpPuA]);
    }

    [Fact]
    public void Open_ReadsInitialLevels_SoAKeyHeldAtStartGivesNoEdgeUntilReleased()
    {
        _chip.Press(1);
        using Mcp23017Lines lines = Polled(Panel);

        Assert.True(lines.GetInput(1));
        Assert.False(lines.GetInput(0)); // idle key: pulled up, read through IPOL as logically low
        _time.Advance(Poll);
        Assert.False(lines.Edges.TryRead(out _));

        _chip.Release(1);
        _time.Advance(Poll);
        Assert.True(lines.Edges.TryRead(out GpioEdge release));
        Assert.Equal(new GpioEdge(1, GpioEdgeKind.Falling, _time.GetTimestamp()), release);
    }

    [Fact]
    public void SetOutput_WritesOnlyItsPortsLatch_FromTheShadow()
    {
        var pins = new[] { GpioLineSettings.Output(0), GpioLineSettings.Output(4), GpioLineSettings.Output(12) with { ActiveLow = true }, Key(1) };
        using Mcp23017Lines lines = WithInterrupts(pins);
        _chip.Press(1); // an input of port A that reads low must not leak into OLATA
        _chip.Writes.Clear();

        lines.SetOutput(4, true);
        lines.SetOutput(0, true);
        lines.SetOutput(4, false);
        lines.SetOutput(12, true);

        Assert.Equal(
            [
                (Mcp23017Register.OLatA, 0b0001_0000),
                (Mcp23017Register.OLatA, 0b0001_0001),
                (Mcp23017Register.OLatA, 0b0000_0001),
                (Mcp23017Register.OLatB, 0b0000_0000), // active-low: lit is low; GPB4 started high (off)
            ],
            _chip.Writes.Select(w => (w.Register, (int)w.Value)));
        Assert.True(_chip.Level(0));
        Assert.False(_chip.Level(4));
        Assert.False(_chip.Level(12));
        Assert.True(lines.GetOutput(12));
    }

    [Fact]
    public void SetOutput_ToTheLevelItHas_SendsNothing()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);
        lines.SetOutput(4, true);
        int transfers = _chip.Transfers;

        lines.SetOutput(4, true);
        lines.SetOutput(12, true);

        Assert.Equal(transfers, _chip.Transfers);
    }

    [Fact]
    public void SetOutput_OnAPinThatIsNoOutput_IsRefused_AndWritesNothing()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);
        _chip.Writes.Clear();

        Assert.Throws<ArgumentOutOfRangeException>(() => lines.SetOutput(0, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => lines.SetOutput(16, true));
        Assert.Empty(_chip.Writes);
    }

    [Fact]
    public void SetOutput_ThatTheChipRefuses_Throws_AndKeepsTheShadow()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);
        _chip.FailNextTransfers(1);

        I2cException e = Assert.Throws<I2cException>(() => lines.SetOutput(4, true));

        Assert.Contains(_chip.Name, e.Message, StringComparison.Ordinal);
        Assert.False(lines.GetOutput(4));
        lines.SetOutput(4, true);
        Assert.True(_chip.Level(4));
    }

    [Fact]
    public async Task Interrupt_GivesOneEdgePerChangedPin_StampedWithTheInterruptsTime()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);
        _time.Advance(TimeSpan.FromSeconds(1));
        long pressedAt = _time.GetTimestamp();

        _chip.Press(0);
        GpioEdge press = await lines.Edges.ReadAsync(_timeout.Token);
        _time.Advance(TimeSpan.FromMilliseconds(150));
        _chip.Release(0);
        GpioEdge release = await lines.Edges.ReadAsync(_timeout.Token);

        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Rising, pressedAt), press);
        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Falling, pressedAt + TimeSpan.FromMilliseconds(150).Ticks), release);
        Assert.False(_chip.InterruptAsserted); // reading INTCAP cleared it
    }

    [Fact]
    public async Task Interrupt_FromPortB_ArrivesOnTheOneMirroredLine()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);

        _chip.Press(9);
        GpioEdge key = await lines.Edges.ReadAsync(_timeout.Token);
        _chip.Drive(15, true);
        GpioEdge sensor = await lines.Edges.ReadAsync(_timeout.Token);

        Assert.Equal((9, GpioEdgeKind.Rising), (key.Line, key.Kind));
        Assert.Equal((15, GpioEdgeKind.Rising), (sensor.Line, sensor.Kind));
    }

    [Fact]
    public async Task Interrupt_ServedLate_GivesTheCapturedEdgeAtItsTime_ThenWhatChangedSince()
    {
        var interrupts = Channel.CreateUnbounded<GpioEdge>();
        _chip.InterruptLine = null; // the test delivers the host edge itself, after the key is already let go
        using Mcp23017Lines lines = Create(Panel, interrupts.Reader);
        long pressedAt = _time.GetTimestamp();

        _chip.Press(0);
        _chip.Release(0);
        _time.Advance(TimeSpan.FromMilliseconds(3));
        interrupts.Writer.TryWrite(new GpioEdge(HostLine, GpioEdgeKind.Rising, pressedAt));

        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Rising, pressedAt), await lines.Edges.ReadAsync(_timeout.Token));
        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Falling, _time.GetTimestamp()), await lines.Edges.ReadAsync(_timeout.Token));
    }

    [Fact]
    public async Task SpuriousInterrupt_AndTheLinesFallingEdge_GiveNoEdge()
    {
        var interrupts = Channel.CreateUnbounded<GpioEdge>();
        _chip.InterruptLine = null;
        using Mcp23017Lines lines = Create(Panel, interrupts.Reader);
        _chip.Press(1);
        _chip.Release(1);

        interrupts.Writer.TryWrite(new GpioEdge(HostLine, GpioEdgeKind.Rising, 1));
        interrupts.Writer.TryWrite(new GpioEdge(HostLine, GpioEdgeKind.Falling, 2));

        // INTF is clear now while INTCAP still holds the old capture (key 1 down): it must not be taken for news.
        interrupts.Writer.TryWrite(new GpioEdge(HostLine, GpioEdgeKind.Rising, 3));
        interrupts.Writer.Complete();
        var edges = new List<GpioEdge>();
        await foreach (GpioEdge edge in lines.Edges.ReadAllAsync(_timeout.Token))
        {
            edges.Add(edge);
        }

        Assert.Equal([new GpioEdge(1, GpioEdgeKind.Rising, 1), new GpioEdge(1, GpioEdgeKind.Falling, _time.GetTimestamp())], edges);
    }

    [Fact]
    public async Task Pins_ReportOnlyTheEdgesAskedFor()
    {
        using Mcp23017Lines lines = WithInterrupts([Key(0) with { Edges = GpioEdgeDetection.Falling }, Key(1)]);

        _chip.Press(0);
        _chip.Release(0);
        _chip.Press(1);

        Assert.Equal((0, GpioEdgeKind.Falling), Summary(await lines.Edges.ReadAsync(_timeout.Token)));
        Assert.Equal((1, GpioEdgeKind.Rising), Summary(await lines.Edges.ReadAsync(_timeout.Token)));
        Assert.True(lines.GetInput(1));
    }

    [Fact]
    public async Task FailedInterruptRead_IsRetriedAtThePollInterval_WithTheInterruptsTime()
    {
        using Mcp23017Lines lines = WithInterrupts(Panel);
        long pressedAt = _time.GetTimestamp();
        _chip.FailNextTransfers(1);

        _chip.Press(0);
        await _chip.FailureThrown.WaitAsync(_timeout.Token);
        Assert.True(_chip.InterruptAsserted); // not cleared: no new edge will come from the line
        _time.Advance(Poll);

        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Rising, pressedAt), await lines.Edges.ReadAsync(_timeout.Token));
        Assert.False(_chip.InterruptAsserted);
    }

    [Fact]
    public async Task InterruptTheHostNeverSaw_IsFoundByTheWatchdog_AndTheLineWorksAgain()
    {
        _chip.InterruptLine = null; // INT asserts, but no edge reaches the host
        using Mcp23017Lines lines = WithInterrupts(Panel);
        _chip.Press(0);
        _time.Advance(Mcp23017Lines.DefaultInterruptWatchdog - TimeSpan.FromMilliseconds(1));
        Assert.False(lines.Edges.TryRead(out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(lines.Edges.TryRead(out GpioEdge found));
        Assert.Equal(new GpioEdge(0, GpioEdgeKind.Rising, _time.GetTimestamp()), found);
        Assert.False(_chip.InterruptAsserted);
        _chip.InterruptLine = asserted => _host.SetInput(HostLine, asserted);
        _chip.Press(1);
        Assert.Equal((1, GpioEdgeKind.Rising), Summary(await lines.Edges.ReadAsync(_timeout.Token)));
    }

    [Fact]
    public void Polling_WithoutInterruptLine_StampsEdgesWithThePollsTime()
    {
        using Mcp23017Lines lines = Polled(Panel);

        _chip.Press(9);
        _chip.Drive(15, true);
        Assert.False(lines.Edges.TryRead(out _));
        _time.Advance(Poll);

        Assert.True(lines.Edges.TryRead(out GpioEdge key));
        Assert.True(lines.Edges.TryRead(out GpioEdge sensor));
        Assert.Equal(new GpioEdge(9, GpioEdgeKind.Rising, _time.GetTimestamp()), key);
        Assert.Equal(new GpioEdge(15, GpioEdgeKind.Rising, _time.GetTimestamp()), sensor);
    }

    [Fact]
    public void Polling_ThroughAFailure_CarriesOn_AndSeesTheChangeOnceTheChipAnswers()
    {
        using Mcp23017Lines lines = Polled(Panel);
        _chip.FailNextTransfers(2);
        _chip.Press(0);

        _time.Advance(Poll);
        _time.Advance(Poll);
        Assert.False(lines.Edges.TryRead(out _));
        _time.Advance(Poll);

        Assert.True(lines.Edges.TryRead(out GpioEdge press));
        Assert.Equal((0, GpioEdgeKind.Rising), Summary(press));
    }

    [Fact]
    public void OutputsOnly_CompleteEdgesAtOnce_AndPollNothing()
    {
        using Mcp23017Lines lines = Polled([GpioLineSettings.Output(3)]);
        int transfers = _chip.Transfers;

        _time.Advance(Poll * 10);

        Assert.True(lines.Edges.Completion.IsCompleted);
        Assert.Equal(transfers, _chip.Transfers);
    }

    [Fact]
    public async Task Dispose_CompletesEdges_AndClosesTheChip()
    {
        Mcp23017Lines lines = WithInterrupts(Panel);

        lines.Dispose();

        await lines.Edges.Completion.WaitAsync(_timeout.Token);
        Assert.True(_chip.Disposed);
        Assert.Throws<ObjectDisposedException>(() => lines.SetOutput(4, true));
    }

    [Fact]
    public async Task InterruptLineFailing_EndsEdgesWithItsError()
    {
        var interrupts = Channel.CreateUnbounded<GpioEdge>();
        using Mcp23017Lines lines = Create(Panel, interrupts.Reader);
        var failure = new GpioException("cannot wait for edge events of gpiochip0");

        interrupts.Writer.TryComplete(failure);

        Exception e = await Assert.ThrowsAsync<GpioException>(() => lines.Edges.Completion.WaitAsync(_timeout.Token));
        Assert.Same(failure, e);
    }

    [Fact]
    public void ChipThatDoesNotAnswerAtOpen_Throws_NamingIt()
    {
        _chip.FailNextTransfers(1);

        I2cException e = Assert.Throws<I2cException>(() => WithInterrupts(Panel));

        Assert.Equal("cannot write register 0x05 of I2C chip 0x20 on /dev/i2c-fake: Remote I/O error", e.Message);
    }

    [Theory]
    [InlineData(16, GpioBias.PullUp, "MCP23017 pin 16 does not exist")]
    [InlineData(-1, GpioBias.PullUp, "MCP23017 pin -1 does not exist")]
    [InlineData(3, GpioBias.PullDown, "MCP23017 pin 3: the expander has pull-ups only")]
    public void WrongPin_IsRefused_BeforeAnythingIsSent(int pin, GpioBias bias, string message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WithInterrupts([GpioLineSettings.Input(pin) with { Bias = bias }]));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _chip.Transfers);
    }

    [Fact]
    public void PinGivenTwice_OrWithDebounce_IsRefused_BeforeAnythingIsSent()
    {
        ArgumentException twice = Assert.Throws<ArgumentException>(() => WithInterrupts([Key(2), GpioLineSettings.Output(2)]));
        ArgumentException debounce = Assert.Throws<ArgumentException>(() => WithInterrupts([Key(2) with { Debounce = TimeSpan.FromMilliseconds(20) }]));

        Assert.StartsWith("MCP23017 pin 2 is given twice.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("MCP23017 pin 2: the expander has no debounce", debounce.Message, StringComparison.Ordinal);
        Assert.Equal(0, _chip.Transfers);
    }

    [Fact]
    public void IntervalsThatAreNotPositive_AreRefused_BeforeAnythingIsSent()
    {
        var logger = NullLogger<Mcp23017Lines>.Instance;

        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp23017Lines(_chip, Panel, null, _time, logger, TimeSpan.Zero, Mcp23017Lines.DefaultInterruptWatchdog));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp23017Lines(_chip, Panel, _host.Edges, _time, logger, Poll, TimeSpan.Zero));
        Assert.Equal(0, _chip.Transfers);
    }

    private static GpioLineSettings Key(int pin) => GpioLineSettings.Input(pin) with { Bias = GpioBias.PullUp, ActiveLow = true };

    private static (int Line, GpioEdgeKind Kind) Summary(GpioEdge edge) => (edge.Line, edge.Kind);

    private Mcp23017Lines WithInterrupts(GpioLineSettings[] pins) => Create(pins, _host.Edges);

    private Mcp23017Lines Polled(GpioLineSettings[] pins) => Create(pins, null);

    private Mcp23017Lines Create(GpioLineSettings[] pins, ChannelReader<GpioEdge>? interrupts) =>
        new(_chip, pins, interrupts, _time, NullLogger<Mcp23017Lines>.Instance, Poll, Mcp23017Lines.DefaultInterruptWatchdog);
}

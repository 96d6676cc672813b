using ContactCenter.Media.Relay;
using ContactCenter.Media.Tests.Fakes;
using ContactCenter.Sip.Tests.Fakes;
using Xunit;

namespace ContactCenter.Media.Tests.Relay;

[Trait("Category", "Integration")]
public class NoMediaDetectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly List<(RtpRelayLeg Leg, TimeSpan SilentFor)> _reports = [];

    [Fact]
    public async Task EachSilentLeg_IsReportedOnce_AfterTheTimeout()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(noMediaTimeout: Timeout), time);
        await using var session = TestRelay.Session(relay, Record);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(Reports());
        Assert.Equal(TimeSpan.FromSeconds(9), session.GetTimeSinceLastPacket(RtpRelayLeg.A));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([(RtpRelayLeg.A, Timeout), (RtpRelayLeg.B, Timeout)], Reports());

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, Reports().Length);
    }

    [Fact]
    public async Task ALegThatSendsMedia_IsNotReported_WhileTheSilentOneIs()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(noMediaTimeout: Timeout), time);
        await using var session = TestRelay.Session(relay, Record);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        time.Advance(TimeSpan.FromSeconds(6));
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, 1));
        b.ReceiveRtp(); // relayed, so the relay has stamped the packet at t=6 s
        time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal([(RtpRelayLeg.B, Timeout)], Reports());
        Assert.Equal(TimeSpan.FromSeconds(4), session.GetTimeSinceLastPacket(RtpRelayLeg.A));

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal([(RtpRelayLeg.B, Timeout), (RtpRelayLeg.A, Timeout)], Reports());
    }

    [Fact]
    public async Task MediaThatResumes_AndStopsAgain_IsANewSilence()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(noMediaTimeout: Timeout), time);
        await using var session = TestRelay.Session(relay, Record);
        using var a = new FakePhone();
        using var b = new FakePhone();
        session.SetRemote(RtpRelayLeg.B, b.RtpEndPoint, null);

        time.Advance(Timeout);
        Assert.Contains((RtpRelayLeg.A, Timeout), Reports());
        a.SendRtp(session.LocalRtp(RtpRelayLeg.A), FakePhone.RtpPacket(1, 1));
        b.ReceiveRtp();

        time.Advance(Timeout);
        Assert.Equal(2, Reports().Count(r => r.Leg == RtpRelayLeg.A));
    }

    [Fact]
    public async Task Restart_CountsFromNow_AndReportsAgain()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(noMediaTimeout: Timeout), time);
        await using var session = TestRelay.Session(relay, Record);
        time.Advance(Timeout);
        Assert.Equal(2, Reports().Length);

        time.Advance(TimeSpan.FromSeconds(30));
        session.RestartNoMediaDetection();
        Assert.Equal(TimeSpan.Zero, session.GetTimeSinceLastPacket(RtpRelayLeg.B));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(2, Reports().Length);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, Reports().Length);
    }

    [Fact]
    public async Task AFailingHandler_IsContained_AndDisposeStopsTheTimer()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(noMediaTimeout: Timeout), time);
        var session = TestRelay.Session(relay, (_, _, _) => throw new InvalidOperationException("handler bug"));
        Assert.Equal(1, time.ActiveTimerCount);

        time.Advance(Timeout);
        await session.DisposeAsync();

        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public async Task InfiniteTimeout_CreatesNoTimer()
    {
        var time = new FakeTimeProvider();
        var relay = TestRelay.Create(TestRelay.Options(), time);
        await using var session = TestRelay.Session(relay, Record);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    private void Record(RtpRelaySession session, RtpRelayLeg leg, TimeSpan silentFor)
    {
        lock (_reports)
        {
            _reports.Add((leg, silentFor));
        }
    }

    private (RtpRelayLeg Leg, TimeSpan SilentFor)[] Reports()
    {
        lock (_reports)
        {
            return [.. _reports];
        }
    }
}

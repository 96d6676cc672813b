using System.Text;
using ContactCenter.Sip.Events;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;

using Xunit;

namespace ContactCenter.Sip.Tests.Events;

/// <summary>A stack that allows SUBSCRIBE and NOTIFY, and a notifier serving a <c>dialog</c> package whose body names its state and version.</summary>
internal sealed class NotifierHarness : IAsyncDisposable
{
    public const string DialogInfo = "application/dialog-info+xml";

    public NotifierHarness(Action<SipNotifierOptions>? configure = null)
    {
        Stack = new StackHarness(o =>
        {
            o.Allow.Add("SUBSCRIBE");
            o.Allow.Add("NOTIFY");
        });
        var options = new SipNotifierOptions();
        configure?.Invoke(options);
        var package = new SipEventPackage("dialog", [DialogInfo, "application/xml"],
            s => Encoding.UTF8.GetBytes($"{State} v{s.Version} {s.ContentType}"));
        Notifier = new SipNotifier(Stack.Stack, options, Stack.Time, [package]);
    }

    public StackHarness Stack { get; }

    public SipNotifier Notifier { get; }

    /// <summary>What the package renders.</summary>
    public string State { get; set; } = "idle";

    public static string Subscribe(string headers, string? toTag = null, int cseq = 1, string branch = "z9hG4bKsub1", string body = "") =>
        SipTestMessages.Request("SUBSCRIBE", branch: branch, cseq: cseq, toTag: toTag, extraHeaders: headers, body: body, uri: "sip:201@127.0.0.1:5060");

    /// <summary>
    /// Delivers a SUBSCRIBE, lets the notifier handle it, and returns the subscription and everything sent. The
    /// subscriber answers each NOTIFY with 200 unless told not to (else UDP retransmissions and Timer F follow).
    /// </summary>
    public async Task<(SipSubscription? Subscription, List<SipMessage> Sent)> SubscribeAsync(string request, bool answerNotifies = true)
    {
        Stack.Deliver(request);
        var transaction = await Stack.Stack.Requests.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var subscription = await Notifier.HandleSubscribeAsync(transaction);
        var sent = await DrainAsync(answerNotifies);
        return (subscription, sent);
    }

    /// <summary>What the stack sent since last asked, each NOTIFY answered with 200 when <paramref name="answerNotifies"/>.</summary>
    public async Task<List<SipMessage>> DrainAsync(bool answerNotifies = true) => Answer((await Stack.DrainAsync()).ConvertAll(s => s.Message), answerNotifies);

    /// <summary>Advances the clock and returns what was sent, each NOTIFY answered with 200.</summary>
    public async Task<List<SipMessage>> AdvanceAsync(TimeSpan delta) => Answer((await Stack.AdvanceAsync(delta)).ConvertAll(s => s.Message), answerNotifies: true);

    private List<SipMessage> Answer(List<SipMessage> sent, bool answerNotifies)
    {
        foreach (var notify in sent.Where(m => answerNotifies && m.IsRequest && m.MethodName == "NOTIFY"))
        {
            Stack.Deliver(SipTestMessages.ResponseTo(notify, 200));
        }
        return sent;
    }

    public static string BodyOf(SipMessage message) => Encoding.UTF8.GetString(message.Body.Span);

    public static SipMessage Single(List<SipMessage> sent, string method) => Assert.Single(sent, m => m.IsRequest && m.MethodName == method);

    public static SipMessage Answer(List<SipMessage> sent) => Assert.Single(sent, m => !m.IsRequest);

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}

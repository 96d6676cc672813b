using System.Text;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Pbx.Tests.Registrar;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

using Xunit;

namespace ContactCenter.Pbx.Tests.Presence;

/// <summary>A presence service on the registrar harness (extensions 201–203, real digest auth) with its model.</summary>
public sealed class PresenceHarness : IAsyncDisposable
{
    public PresenceHarness(PresenceOptions? options = null)
    {
        Registrar = new RegistrarHarness(new RegistrarOptions(), configureStack: o =>
        {
            o.Allow.Add("SUBSCRIBE");
            o.Allow.Add("NOTIFY");
        }).WithExtensions("201", "202", "203").Started();
        Model = new PresenceModel(NullLogger<PresenceModel>.Instance);
        Service = new PresenceService(Registrar.Sip.Stack, Model, Registrar.Registrar, Registrar.Directory, options ?? new PresenceOptions(),
            Registrar.Time, NullLogger<PresenceService>.Instance);
    }

    public RegistrarHarness Registrar { get; }

    public PresenceModel Model { get; }

    public PresenceService Service { get; }

    /// <summary>
    /// <paramref name="watcher"/> subscribes to <paramref name="watched"/>'s <paramref name="eventType"/>, answering the
    /// 407 with its credentials; returns the final response and the NOTIFYs sent (each answered 200).
    /// </summary>
    public async Task<(SipMessage Response, List<SipMessage> Notifies)> SubscribeAsync(string watcher, string watched, string eventType, bool authenticate = true)
    {
        var client = new SipDigestClient(watcher, RegistrarHarness.Password);
        var callId = SipIdentifiers.NewCallId();
        var fromTag = SipIdentifiers.NewTag();
        var response = await SendAsync(Subscribe(watcher, watched, eventType, callId, fromTag, 1, null, null));
        if (response.StatusCode == 407 && authenticate)
        {
            response = await SendAsync(Subscribe(watcher, watched, eventType, callId, fromTag, 2, client, response));
        }
        return (response, await NotifiesAsync());
    }

    /// <summary>The NOTIFYs sent since last asked, each answered with 200 by the phone.</summary>
    public async Task<List<SipMessage>> NotifiesAsync()
    {
        var notifies = (await Registrar.Sip.DrainAsync()).ConvertAll(s => s.Message).FindAll(m => m.IsRequest && m.MethodName == "NOTIFY");
        foreach (var notify in notifies)
        {
            Registrar.Sip.Deliver(Encoding.UTF8.GetString(notify.CreateResponse(200).ToArray()));
        }
        return notifies;
    }

    public static string BodyOf(SipMessage message) => Encoding.UTF8.GetString(message.Body.Span);

    private static SipMessageBuilder Subscribe(string watcher, string watched, string eventType, string callId, string fromTag, int cseq,
        SipDigestClient? client, SipMessage? challenge)
    {
        var uri = $"sip:{watched}@127.0.0.1";
        var builder = SipMessageBuilder.Request("SUBSCRIBE", uri)
            .Add(SipHeaderId.Via, $"SIP/2.0/UDP 127.0.0.1:5070;branch={SipIdentifiers.NewBranch()};rport")
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:{watcher}@127.0.0.1>;tag={fromTag}")
            .Add(SipHeaderId.To, $"<{uri}>")
            .Add(SipHeaderId.CallId, callId)
            .Add(SipHeaderId.CSeq, $"{cseq} SUBSCRIBE")
            .Add(SipHeaderId.Contact, $"<sip:{watcher}@127.0.0.1:5070>")
            .Add(SipHeaderId.Event, eventType)
            .Add(SipHeaderId.Expires, "600");
        if (client is not null && challenge is not null)
        {
            foreach (var credentials in client.Answer(challenge, "SUBSCRIBE", uri))
            {
                builder.Add(SipHeaderId.ProxyAuthorization, credentials.ToString());
            }
        }
        return builder;
    }

    private async Task<SipMessage> SendAsync(SipMessageBuilder request)
    {
        FakeSipNetwork.Deliver(Registrar.Sip.Stack, Encoding.UTF8.GetString(request.ToArray()));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var transaction = await Registrar.Sip.Stack.Requests.ReadAsync(timeout.Token);
        await Service.HandleAsync(transaction);
        // The response is the first thing sent; NOTIFYs that follow stay queued for NotifiesAsync.
        return (await Registrar.Sip.Network.NextAsync()).Message;
    }

    public async ValueTask DisposeAsync() => await Registrar.DisposeAsync();
}

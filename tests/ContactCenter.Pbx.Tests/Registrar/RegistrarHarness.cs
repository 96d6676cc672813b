using System.Net;
using System.Text;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Transport;
using Microsoft.Data.Sqlite;

using Xunit;

namespace ContactCenter.Pbx.Tests.Registrar;

/// <summary>
/// A registrar on a SIP stack over the fake network, a fake clock and a real SQLite file in a temp directory.
/// The directory polls on its own (never advanced) clock, so advancing the registrar's clock only fires registrar timers.
/// </summary>
public sealed class RegistrarHarness : IAsyncDisposable
{
    public const string Password = "correct-horse-battery";

    private readonly string _path;

    public RegistrarHarness(RegistrarOptions? options = null, string? path = null, FakeTimeProvider? time = null,
        Action<SipStackOptions>? configureStack = null)
    {
        SqliteConnection.ClearAllPools();
        _path = path ?? System.IO.Directory.CreateTempSubdirectory("cc-pbx-").FullName;
        OwnsDirectory = path is null;
        Options = options ?? new RegistrarOptions();
        Sip = new StackHarness(o =>
        {
            o.Allow.Add("REGISTER");
            configureStack?.Invoke(o);
        });
        if (time is not null)
        {
            Sip.Time.SetUtcNow(time.GetUtcNow());
        }
        Database = ContactCenterDatabase.Open(_path, Sip.Time);
        Directory = new ExtensionDirectory(Database, new FakeTimeProvider());
        Registrar = new SipRegistrar(Options, Database, Directory, Sip.Time);
    }

    public bool OwnsDirectory { get; init; }

    public string DataPath => _path;

    public RegistrarOptions Options { get; }

    public StackHarness Sip { get; }

    public FakeTimeProvider Time => Sip.Time;

    public ContactCenterDatabase Database { get; }

    public ExtensionDirectory Directory { get; }

    public SipRegistrar Registrar { get; }

    public string Realm => Directory.Current.Realm;

    public RegistrarHarness WithExtensions(params string[] numbers)
    {
        var repository = new ExtensionRepository(Database);
        foreach (var number in numbers)
        {
            repository.Add(new NewExtension(number, "Ext " + number, Password));
        }
        return this;
    }

    public RegistrarHarness Started()
    {
        Directory.Start();
        Registrar.Start();
        return this;
    }

    /// <summary>Delivers the request, hands its transaction to the registrar and returns the response it sent.</summary>
    public async Task<SipMessage> SendAsync(SipMessageBuilder request, IPEndPoint? from = null, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        FakeSipNetwork.Deliver(Sip.Stack, Encoding.UTF8.GetString(request.ToArray()), protocol, from);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var transaction = await Sip.Stack.Requests.ReadAsync(timeout.Token);
        await Registrar.HandleAsync(transaction);
        var sent = await Sip.DrainAsync();
        return Assert.Single(sent, s => !s.Message.IsRequest && s.Message.StatusCode >= 200).Message;
    }

    public async ValueTask DisposeAsync()
    {
        await Registrar.DisposeAsync();
        Directory.Dispose();
        await Sip.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (OwnsDirectory)
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
    }
}

/// <summary>A phone: builds REGISTERs with one Call-ID and rising CSeq, and answers challenges.</summary>
public sealed class FakePhone(string extension, string password, string contact = "sip:phone@192.168.1.10:5062")
{
    private readonly SipDigestClient _client = new(extension, password);
    private int _cseq;

    public string CallId { get; set; } = SipIdentifiers.NewCallId();

    public string Contact { get; set; } = contact;

    public SipMessageBuilder Register(int? expires = null, string? contactHeader = null, SipMessage? challenge = null)
    {
        var builder = SipMessageBuilder.Request("REGISTER", "sip:127.0.0.1")
            .Add(SipHeaderId.Via, $"SIP/2.0/UDP 192.168.1.10:5062;branch={SipIdentifiers.NewBranch()};rport")
            .Add(SipHeaderId.MaxForwards, "70")
            .Add(SipHeaderId.From, $"<sip:{extension}@127.0.0.1>;tag={SipIdentifiers.NewTag()}")
            .Add(SipHeaderId.To, $"<sip:{extension}@127.0.0.1>")
            .Add(SipHeaderId.CallId, CallId)
            .Add(SipHeaderId.CSeq, $"{++_cseq} REGISTER")
            .Add(SipHeaderId.Contact, contactHeader ?? $"<{Contact}>");
        if (expires is { } seconds)
        {
            builder.Add(SipHeaderId.Expires, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (challenge is not null)
        {
            foreach (var credentials in _client.Answer(challenge, "REGISTER", "sip:127.0.0.1"))
            {
                builder.Add(SipHeaderId.Authorization, credentials.ToString());
            }
        }
        return builder;
    }

    /// <summary>REGISTER, 401, REGISTER with credentials: returns the final response.</summary>
    public async Task<SipMessage> RegisterAsync(RegistrarHarness harness, int? expires = null, string? contactHeader = null, IPEndPoint? from = null,
        SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        var challenge = await harness.SendAsync(Register(expires, contactHeader), from, protocol);
        if (challenge.StatusCode != 401)
        {
            return challenge;
        }
        return await harness.SendAsync(Register(expires, contactHeader, challenge), from, protocol);
    }
}

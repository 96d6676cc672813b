using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// RFC 4475 against the running appliance: every torture message, sent as raw bytes over UDP, gets the answer the
/// RFC expects of a server (or none), and the process stays up. The in-process rules per message are pinned in
/// ContactCenter.Sip.Tests (Rfc4475ServerTests); here the appliance's own configuration applies: REGISTER
/// reaches the registrar (401 challenge without credentials, 400 for a To that is not a SIP URI: unksm2), MESSAGE is
/// not handled (405), INVITEs ring (100 first).
/// </summary>
[Collection(ApplianceCollection.Name)]
public sealed partial class Rfc4475ApplianceTests
{
    private const int None = 0;

    // The test sends from 127.0.0.23: responses go to the source address at the Via sent-by port (5060 unless
    // the message says otherwise, RFC 3261 §18.2.2), so the sending socket is bound to that port.
    private static readonly IPAddress Sender = IPAddress.Parse("127.0.0.23");

    public static TheoryData<string, int> Expected => new()
    {
        { "wsinv", 481 }, { "intmeth", 501 }, { "esc01", 100 }, { "escnull", 401 }, { "esc02", 501 },
        { "lwsdisp", 200 }, { "longreq", 100 }, { "dblreq", 401 }, { "semiuri", 200 }, { "transports", 200 },
        { "mpart01", 405 }, { "unreason", None }, { "noreason", None },
        { "badinv01", 400 }, { "clerr", 400 }, { "scalar02", 400 }, { "scalarlg", None }, { "quotbal", 400 },
        { "ltgtruri", 400 }, { "lwsruri", 400 }, { "lwsstart", 400 }, { "trws", 400 }, { "escruri", 400 },
        { "baddate", 100 }, { "regbadct", 400 }, { "badaspec", 200 }, { "baddn", 400 }, { "badvers", 505 },
        { "mismatch01", 400 }, { "mismatch02", 400 }, { "bigcode", None }, { "ncl", 400 }, { "badbranch", 200 },
        { "insuf", 400 }, { "unkscm", 416 }, { "novelsc", 416 }, { "unksm2", 400 }, { "bext01", 420 },
        { "invut", 100 }, { "regaut01", 401 }, { "multi01", 400 }, { "mcl01", 400 }, { "bcast", None },
        { "zeromf", 200 }, { "cparam01", 401 }, { "cparam02", 401 }, { "regescrt", 401 }, { "sdp01", 100 },
        { "inv2543", 100 },
    };

    [Fact]
    public async Task EveryTortureMessage_GetsTheRfcAnswer_AndTheApplianceStaysUp()
    {
        await using var appliance = await ApplianceProcess.StartAsync();
        var target = new IPEndPoint(IPAddress.Loopback, appliance.SipPort);
        var failures = new List<string>();
        foreach (var row in Expected)
        {
            var (name, status) = ((string)row[0], (int)row[1]);
            var bytes = UniqueBranches(await File.ReadAllBytesAsync(Path.Combine(RepositoryLayout.Root, "tests", "fixtures", "sip", "rfc4475", name + ".dat")), name);
            // quotbal's Via names port 5050; every other message answers at the default 5060.
            using var socket = new UdpClient(new IPEndPoint(Sender, name == "quotbal" ? 5050 : 5060));
            await socket.SendAsync(bytes, target);
            var answer = status == None ? await PingAsync(socket, target) : await FirstStatusAsync(socket, CallIdOf(bytes));
            var expected = status == None ? 200 : status;
            if (answer != expected)
            {
                failures.Add($"{name}: expected {(status == None ? "no answer" : status)}, got {answer}");
            }
            Assert.False(appliance.HasExited, $"the appliance exited after {name}");
        }
        Assert.Empty(failures);

        using var last = new UdpClient(new IPEndPoint(Sender, 5060));
        Assert.Equal(200, await PingAsync(last, target));
        Assert.Equal(0, await appliance.StopAsync());
    }

    // An OPTIONS right after a message that must not be answered: the first datagram back must be its 200,
    // since the appliance handles datagrams in order (one receive loop feeding one core loop).
    private static async Task<int> PingAsync(UdpClient socket, IPEndPoint target)
    {
        var port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
        var ping = $"OPTIONS sip:pbx@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.23:{port};branch=z9hG4bK{Guid.NewGuid():N}\r\n"
            + $"Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.23>;tag=ping\r\nTo: <sip:pbx@127.0.0.1>\r\nCall-ID: {Guid.NewGuid():N}\r\n"
            + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(ping), target);
        return await FirstStatusAsync(socket, CallIdOf(Encoding.ASCII.GetBytes(ping)));
    }

    // The first response carrying the message's Call-ID: a later response to an earlier message (the 407 that follows an
    // INVITE's 100) may still be on its way to the same sender port and is skipped.
    private static async Task<int> FirstStatusAsync(UdpClient socket, string? callId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await socket.ReceiveAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return -1; // no answer: reported with the message's name
            }
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            if (callId is not null && !text.Contains(callId, StringComparison.Ordinal))
            {
                continue;
            }
            return text.StartsWith("SIP/2.0 ", StringComparison.Ordinal) ? int.Parse(text.AsSpan(8, 3), System.Globalization.CultureInfo.InvariantCulture) : -1;
        }
    }

    // The RFC's examples reuse branches (unkscm and novelsc share one), which makes a later one a retransmission of an
    // earlier one here, where they all come from one sender. Suffixing each branch with the message's name keeps every
    // branch's form (magic cookie or not) and makes each message its own transaction.
    private static byte[] UniqueBranches(byte[] message, string name) =>
        System.Text.Encoding.Latin1.GetBytes(BranchParameter().Replace(System.Text.Encoding.Latin1.GetString(message), "${0}." + name));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=;\s*branch\s*=\s*)[^;,\s]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BranchParameter();

    private static string? CallIdOf(byte[] message)
    {
        var match = CallIdLine().Match(Encoding.UTF8.GetString(message));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Call-ID|i)[ \t]*:[ \t]*(\S+)", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CallIdLine();
}

using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Fakes;
using ContactCenter.Sip.Tests.Parsing;
using ContactCenter.Sip.Transport;

using Xunit;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>
/// RFC 4475 §3 from the server's side: each torture message, raw bytes over UDP, gets the answer the RFC expects
/// of a server (or none), and the stack keeps running. The stack is configured as the PBX runs it: REGISTER and
/// MESSAGE are handled by the transaction user, so requests that are the application's business reach it.
/// </summary>
public class Rfc4475ServerTests
{
    private const int HandedToTransactionUser = 0;
    private const int Dropped = -1;

    /// <summary>One row per file: the final status the core sends, or that the request reaches the transaction user, or nothing.</summary>
    public static TheoryData<string, int> Answers => new()
    {
        // §3.1.1 valid messages.
        { "wsinv", 481 },                       // valid; its To tag names a dialog this element does not have (RFC 3261 §12.2.2)
        { "intmeth", 501 },                     // an unknown method (§8.2.1)
        { "esc01", HandedToTransactionUser },
        { "escnull", HandedToTransactionUser },
        { "esc02", 501 },                       // RE%47IST%45R is not REGISTER: an unknown method
        { "lwsdisp", 200 },
        { "longreq", HandedToTransactionUser },
        { "dblreq", HandedToTransactionUser },  // the REGISTER only; the INVITE after Content-Length is ignored
        { "semiuri", 200 },
        { "transports", 200 },
        { "mpart01", HandedToTransactionUser },
        { "unreason", Dropped },                // responses matching no client transaction are discarded
        { "noreason", Dropped },
        // §3.1.2 invalid messages.
        { "badinv01", 400 },
        { "clerr", 400 },                       // received over UDP
        { "scalar02", 400 },                    // the CSeq error
        { "scalarlg", Dropped },                // a response: simply discarded
        { "quotbal", 400 },
        { "ltgtruri", 400 },
        { "lwsruri", 400 },
        { "lwsstart", 400 },
        { "trws", 400 },
        { "escruri", 400 },
        { "baddate", HandedToTransactionUser }, // Date is not used, so it is not worth a rejection
        { "regbadct", 400 },
        { "badaspec", 200 },                    // liberal: the spaces inside <> are ignored
        { "baddn", 400 },
        { "badvers", 505 },
        { "mismatch01", 400 },
        { "mismatch02", 400 },
        { "bigcode", Dropped },
        { "ncl", 400 },
        // §3.2
        { "badbranch", 200 },                   // falls back to the RFC 2543 transaction key
        // §3.3
        { "insuf", 400 },
        { "unkscm", 416 },
        { "novelsc", 416 },
        { "unksm2", HandedToTransactionUser },  // the registrar's 400 (To is not a SIP AOR) is the application's
        { "bext01", 420 },
        { "invut", HandedToTransactionUser },   // 415 is the application's
        { "regaut01", HandedToTransactionUser },// 401 with a challenge is the registrar's
        { "multi01", 400 },
        { "mcl01", 400 },
        { "bcast", Dropped },
        { "zeromf", 200 },                      // an endpoint answers as if Max-Forwards were positive
        { "cparam01", HandedToTransactionUser },
        { "cparam02", HandedToTransactionUser },
        { "regescrt", HandedToTransactionUser },
        { "sdp01", HandedToTransactionUser },   // 406 (or 400) is the application's
        { "inv2543", HandedToTransactionUser }, // RFC 2543 syntax is accepted
    };

    [Fact]
    public void EveryFixture_HasAnExpectedAnswer() =>
        Assert.Equal(Rfc4475Fixtures.Names.Order(StringComparer.Ordinal), Answers.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Fixture_GetsTheAnswerTheRfcExpects_AndTheStackKeepsRunning(string file, int expected)
    {
        await using var h = new StackHarness(o =>
        {
            o.Allow.Add("REGISTER");
            o.Allow.Add("MESSAGE");
        });
        h.Network.AcceptEchoedMalformedResponses = true;   // a 400 to quotbal copies its broken To, as it must

        h.Stack.Receive(Rfc4475Fixtures.Load(file), Peer);
        var sent = await h.DrainAsync();

        var finals = sent.Where(s => s.Message.StatusCode >= 200).Select(s => s.Message).ToList();
        switch (expected)
        {
            case Dropped:
                Assert.Empty(sent);
                Assert.Equal(0, h.Stack.Requests.Count);
                break;
            case HandedToTransactionUser:
                Assert.Empty(finals);
                Assert.True(h.Stack.Requests.TryRead(out var transaction));
                var raw = Rfc4475Fixtures.Load(file);
                Assert.Equal(Encoding.ASCII.GetString(raw, 0, raw.AsSpan().IndexOf((byte)' ')), transaction.Request.MethodName);
                Assert.Equal(0, h.Stack.Requests.Count);
                break;
            default:
                var answer = Assert.Single(finals);
                Assert.Equal(expected, answer.StatusCode);
                Assert.Equal(0, h.Stack.Requests.Count);
                break;
        }

        // The stack survives: no fault in its loop, and the next request is served.
        FakeSipNetwork.Deliver(h.Stack, SipTestMessages.Request("OPTIONS", branch: "z9hG4bKafter", callId: "after-" + file));
        var after = await h.DrainAsync();
        Assert.Equal(200, Assert.Single(after).Message.StatusCode);
        Assert.Equal(0, h.Stack.LoopFaults);
    }

    private static SipPeer Peer => new(SipTransportProtocol.Udp, FakeSipNetwork.PeerEndPoint, new IPEndPoint(IPAddress.Loopback, 5060), 0);
}

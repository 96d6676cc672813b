using System.Text;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The DTMF read-back test (<c>*45</c>): the caller presses digits and ends them with <c>#</c>; the appliance says "you
/// pressed" and the digits, then waits for more. A digit pressed while it speaks cuts it short and starts the next
/// number. Each number heard is logged with how its digits were signalled (RFC 4733, in-band, SIP INFO), which is what
/// the test is for.
/// </summary>
internal sealed class DtmfReadbackTest(ITestMedia media, string callId, ILogger logger) : ILocalApplication
{
    public const char EndKey = '#';

    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        var voice = media.CreateVoice();
        endpoint.Source = voice.Source;
        var number = new StringBuilder();
        var sources = new HashSet<DtmfSource>();
        Task? speaking = null;
        while (true)
        {
            var next = endpoint.Digits.ReadAsync(cancellationToken).AsTask();
            // Whatever is being said ends on its own or is cut by the digit; a failure to speak ends the test.
            if (speaking is not null && await Task.WhenAny(next, speaking).ConfigureAwait(false) == speaking)
            {
                await speaking.ConfigureAwait(false);
                speaking = null;
            }
            var digit = await next.ConfigureAwait(false);
            if (speaking is not null)
            {
                voice.Interrupt();
                speaking = null;
            }
            if (digit.Digit != EndKey)
            {
                number.Append(digit.Digit);
                sources.Add(digit.Source);
                continue;
            }
            if (number.Length == 0)
            {
                continue;
            }
            var heard = number.ToString();
            FeatureLog.DigitsHeard(logger, callId, heard, string.Join('+', sources.Order()));
            number.Clear();
            sources.Clear();
            speaking = voice.SayDigitsAsync(heard, cancellationToken);
        }
    }
}

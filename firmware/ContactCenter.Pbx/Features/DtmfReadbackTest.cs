using System.Text;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Prompts;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Pbx.Features;

/// <summary>
/// The DTMF read-back test (<c>*45</c>): after saying what it is, the appliance waits for digits ended with <c>#</c>,
/// says "you pressed" and the digits, then waits for more (a <c>#</c> alone: "no key was pressed"). A digit pressed
/// while it speaks cuts it short and starts the next number. Each number heard is logged with how its digits were
/// signalled (RFC 4733, in-band, SIP INFO), which is what the test is for.
/// </summary>
internal sealed class DtmfReadbackTest(PromptVoice voice, string callId, ILogger logger) : ILocalApplication
{
    public const char EndKey = '#';

    public async Task RunAsync(IMediaEndpoint endpoint, CancellationToken cancellationToken)
    {
        endpoint.Source = voice.Source;
        var number = new StringBuilder();
        var sources = new HashSet<DtmfSource>();
        Task? speaking = voice.SayAsync([PromptKeys.TestDtmf], cancellationToken);
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
            speaking = voice.SayAsync(Sentence(number), cancellationToken);
            if (number.Length > 0)
            {
                FeatureLog.DigitsHeard(logger, callId, number.ToString(), string.Join('+', sources.Order()));
            }
            number.Clear();
            sources.Clear();
        }
    }

    private static List<string> Sentence(StringBuilder number)
    {
        if (number.Length == 0)
        {
            return [PromptKeys.TestNoDigits];
        }
        var keys = new List<string>(number.Length + 1) { PromptKeys.TestYouPressed };
        foreach (var chunk in number.GetChunks())
        {
            NumberSpeaker.AppendDigits(keys, chunk.Span);
        }
        return keys;
    }
}

using ContactCenter.Firmware.Hosting;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// Answers what the PBX does not handle yet (everything but REGISTER, handed over by <see cref="RequestDispatcher"/>)
/// until the PBX routes calls (issue #3): an incoming call rings for the no-answer time (only 100 Trying goes out) and is then refused
/// with 480 Temporarily Unavailable, unless the caller cancels first (the core answers 487). Any other
/// request reaching it gets 480 at once.
/// </summary>
internal sealed class UnroutedCallResponder(IOptions<SipHostOptions> options, TimeProvider time, ILogger<UnroutedCallResponder> logger)
{
    /// <summary>Answers one transaction; never throws.</summary>
    public async Task HandleAsync(SipServerTransaction transaction, CancellationToken stoppingToken)
    {
        var request = transaction.Request;
        try
        {
            if (transaction is SipInviteServerTransaction invite)
            {
                var ring = Task.Delay(TimeSpan.FromSeconds(options.Value.RingSeconds), time, stoppingToken);
                if (await Task.WhenAny(invite.Cancelled, ring) == invite.Cancelled)
                {
                    FirmwareLog.CallCancelled(logger, request.CallId);
                    return;
                }
                FirmwareLog.CallUnrouted(logger, request.CallId, request.From.UriText, request.To.UriText);
            }
            await transaction.RespondAsync(480, toTag: SipIdentifiers.NewTag());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown while ringing: the transaction ends with the core.
        }
#pragma warning disable CA1031 // One call's failure is logged and must not end the loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            FirmwareLog.RequestFailed(logger, request.MethodName, request.CallId, exception);
        }
    }
}

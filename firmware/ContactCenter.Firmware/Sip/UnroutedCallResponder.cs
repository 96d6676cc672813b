using ContactCenter.Firmware.Hosting;
using ContactCenter.Sip;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// The transaction user of the SIP core until the PBX routes calls (issue #3): there are no extensions
/// yet, so an incoming call rings for the no-answer time (only 100 Trying goes out) and is then refused
/// with 480 Temporarily Unavailable, unless the caller cancels first (the core answers 487). Any other
/// request reaching it gets 480 at once.
/// </summary>
internal sealed class UnroutedCallResponder(SipStack stack, IOptions<SipHostOptions> options, TimeProvider time, ILogger<UnroutedCallResponder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var calls = new List<Task>();
        try
        {
            await foreach (var transaction in stack.Requests.ReadAllAsync(stoppingToken))
            {
                calls.RemoveAll(static c => c.IsCompleted);
                calls.Add(HandleAsync(transaction, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Task.WhenAll(calls);
    }

    private async Task HandleAsync(SipServerTransaction transaction, CancellationToken stoppingToken)
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

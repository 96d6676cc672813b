using ContactCenter.Firmware.Hosting;
using ContactCenter.Media.Relay;
using ContactCenter.Pbx.Calls;
using ContactCenter.Pbx.Presence;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// The one reader of the SIP core's new server transactions: REGISTER goes to the registrar, SUBSCRIBE to the presence
/// service, everything else to the <see cref="CallRouter"/>. Each transaction is handled on its own task, owned (and
/// awaited on stop) here. On stop, the calls are ended first (BYE, CANCEL, records "interrupted") and the subscriptions
/// told they are deactivated, while the SIP core can still send.
/// </summary>
internal sealed class RequestDispatcher(SipStack stack, SipRegistrar registrar, CallRouter calls, PresenceService presence, RtpRelay relay, ReadyLine readyLine,
    ILogger<RequestDispatcher> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var (start, end) = relay.PortRange;
        readyLine.Add("rtp", $"{start}-{end}");
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await calls.StopAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        presence.Stop();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var transaction in stack.Requests.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(static t => t.IsCompleted);
                running.Add(HandleAsync(transaction));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Task.WhenAll(running);
    }

    private async Task HandleAsync(SipServerTransaction transaction)
    {
        try
        {
            await (transaction.Request.Method switch
            {
                SipMethod.Register => registrar.HandleAsync(transaction),
                SipMethod.Subscribe => presence.HandleAsync(transaction),
                _ => calls.HandleAsync(transaction),
            });
        }
#pragma warning disable CA1031 // One request's failure is logged and must not end the loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            FirmwareLog.RequestFailed(logger, transaction.Request.MethodName, transaction.Request.GetHeader(SipHeaderId.CallId) ?? "?", exception);
        }
    }
}

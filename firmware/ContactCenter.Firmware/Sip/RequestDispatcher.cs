using ContactCenter.Firmware.Hosting;
using ContactCenter.Pbx.Registrar;
using ContactCenter.Sip;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// The one reader of the SIP core's new server transactions: REGISTER goes to the registrar, everything else to the
/// <see cref="UnroutedCallResponder"/>. Each transaction is handled on its own task, owned (and awaited on stop) here.
/// </summary>
internal sealed class RequestDispatcher(SipStack stack, SipRegistrar registrar, UnroutedCallResponder unrouted, ILogger<RequestDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var transaction in stack.Requests.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(static t => t.IsCompleted);
                running.Add(transaction.Request.Method == SipMethod.Register
                    ? RegisterAsync(transaction)
                    : unrouted.HandleAsync(transaction, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        await Task.WhenAll(running);
    }

    private async Task RegisterAsync(SipServerTransaction transaction)
    {
        try
        {
            await registrar.HandleAsync(transaction);
        }
#pragma warning disable CA1031 // One request's failure is logged and must not end the loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            FirmwareLog.RequestFailed(logger, transaction.Request.MethodName, transaction.Request.GetHeader(SipHeaderId.CallId) ?? "?", exception);
        }
    }
}

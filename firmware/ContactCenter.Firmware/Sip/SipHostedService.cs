using System.Net;
using ContactCenter.Firmware.Hosting;
using ContactCenter.Sip;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Firmware.Sip;

/// <summary>
/// Owns the SIP transport layer and runs the SIP core on it: binds UDP and TCP on start (a port in use
/// surfaces as <see cref="SipTransportBindException"/>), starts the core, reports the bound port for the
/// ready line; on stop, the core ends before the listeners close.
/// </summary>
internal sealed class SipHostedService(
    IOptions<SipHostOptions> options,
    SipStack stack,
    SipReceiveHandler handler,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    ReadyLine readyLine,
    ILogger<SipHostedService> logger) : IHostedService, IAsyncDisposable
{
    private SipTransportLayer? _transport;

    /// <summary>The transport, once started (the SIP core sends through it).</summary>
    public SipTransportLayer? Transport => _transport;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var transportOptions = new SipTransportOptions { Port = settings.Port };
        foreach (var address in settings.Bind)
        {
            transportOptions.BindAddresses.Add(IPAddress.Parse(address));
        }

        var transport = new SipTransportLayer(transportOptions, handler, loggerFactory, time);
        try
        {
            await transport.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DisposeQuietlyAsync(transport).ConfigureAwait(false);
            throw;
        }

        _transport = transport;
        stack.Start(transport);
        readyLine.Add("sip", transport.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        FirmwareLog.SipListening(logger, transport.Port, settings.Bind.Count == 0 ? "all addresses" : string.Join(", ", settings.Bind));
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _transport, null) is { } transport)
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            await transport.DisposeAsync().ConfigureAwait(false);
            FirmwareLog.SipStopped(logger);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _transport, null) is { } transport)
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            await transport.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task DisposeQuietlyAsync(SipTransportLayer transport)
    {
        try
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The start failure is what gets reported; a second failure while cleaning up is only logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FirmwareLog.SipCleanupFailed(logger, ex);
        }
    }
}

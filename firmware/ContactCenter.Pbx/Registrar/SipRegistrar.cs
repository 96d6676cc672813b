using System.Globalization;
using System.Net;
using System.Threading.Channels;
using ContactCenter.Data;
using ContactCenter.Data.Repositories;
using ContactCenter.Data.Snapshots;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Messages.Headers;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Pbx.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3): authenticates REGISTER with digest (SHA-256 and MD5 challenges), keeps the bindings in
/// memory (the view the call router reads), writes them through to <see cref="RegistrationRepository"/> so a restart keeps
/// them, and expires them on the injected clock with one timer set to the earliest expiry.
/// All state is owned by one lock, never held across an await; events are published after it is released.
/// </summary>
public sealed partial class SipRegistrar : IRegistrationView, IAsyncDisposable
{
    private readonly RegistrarOptions _options;
    private readonly ExtensionDirectory _directory;
    private readonly RegistrationRepository _repository;
    private readonly RegistrationWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<RegistrationBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly Channel<RegistrationEvent> _changes = Channel.CreateBounded<RegistrationEvent>(new BoundedChannelOptions(1024)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private ITimer? _timer;
    private DateTimeOffset? _armedFor;
    private bool _disposed;

    /// <summary>Creates the registrar; <see cref="Start"/> loads the persisted bindings.</summary>
    public SipRegistrar(RegistrarOptions options, ContactCenterDatabase database, ExtensionDirectory directory, TimeProvider time,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<SipRegistrar>();
        _repository = new RegistrationRepository(database);
        _writer = new RegistrationWriter(database, _logger);
        Authenticator = new ExtensionAuthenticator(options, directory, time, loggerFactory);
    }

    /// <summary>Digest authentication of extensions, shared with the call router so that one ban covers every method.</summary>
    public ExtensionAuthenticator Authenticator { get; }

    /// <summary>The ban policy (its <see cref="AuthFailureGuard.ListBans"/> is what the admin sees).</summary>
    public AuthFailureGuard Guard => Authenticator.Guard;

    /// <summary>Whether extensions other than <paramref name="extension"/> hold live registrations from <paramref name="source"/> (the office's NAT address): such a source is never banned as a whole.</summary>
    public bool HoldsOtherRegistrations(IPAddress source, string extension)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var (number, list) in _bindings)
            {
                if (!string.Equals(number, extension, StringComparison.Ordinal)
                    && list.Exists(b => b.ExpiresAt > now && Normalize(b.Received.Address).Equals(source)))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <inheritdoc/>
    public ChannelReader<RegistrationEvent> Changes => _changes.Reader;

    /// <summary>Drops what expired while the appliance was off, loads the rest and arms the expiry timer.</summary>
    public void Start()
    {
        _repository.RemoveExpired();
        var persisted = _repository.ListActive();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var row in persisted)
            {
                var binding = FromRow(row);
                if (binding is null)
                {
                    continue;
                }
                if (!_bindings.TryGetValue(row.ExtensionNumber, out var list))
                {
                    _bindings[row.ExtensionNumber] = list = [];
                }
                list.Add(binding);
            }
            _timer ??= _time.CreateTimer(static state => ((SipRegistrar)state!).Sweep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Reschedule();
        }
        RegistrarLog.Loaded(_logger, persisted.Count);
    }

    /// <inheritdoc/>
    public IReadOnlyList<RegistrationBinding> GetContacts(string extension)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _bindings.TryGetValue(extension, out var list)
                ? [.. list.Where(b => b.ExpiresAt > now).OrderByDescending(b => b.ExpiresAt)]
                : [];
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RegistrationBinding> ListAll()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return [.. _bindings.OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => p.Value.Where(b => b.ExpiresAt > now).OrderByDescending(b => b.ExpiresAt))];
        }
    }

    /// <summary>Answers one REGISTER transaction. Never throws for the request's content.</summary>
    public async Task HandleAsync(SipServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        SipMessageBuilder response;
        var events = new List<RegistrationEvent>();
        var writes = new List<Task>();
        try
        {
            response = Process(transaction.Request, events, writes);
            // Answered once on disk (group commit): an acknowledged binding survives a power cut.
            await Task.WhenAll(writes).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One request's failure is logged and answered 500; the registrar carries on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RegistrarLog.Failed(_logger, SafeCallId(transaction.Request), exception);
            response = transaction.Request.CreateResponse(500, toTag: SipIdentifiers.NewTag());
        }
        Publish(events);
        await transaction.RespondAsync(response).ConfigureAwait(false);
    }

    /// <summary>Stops the expiry timer and the event stream, and writes the changes still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _timer?.Dispose();
        _changes.Writer.TryComplete();
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private static string SafeCallId(SipMessage request) => request.GetHeader(SipHeaderId.CallId) ?? "?";

    private void Publish(List<RegistrationEvent> events)
    {
        foreach (var change in events)
        {
            _changes.Writer.TryWrite(change);
        }
    }

    private static RegistrationBinding? FromRow(Registration row)
    {
        if (!IPAddress.TryParse(row.ReceivedAddress, out var address) || !Enum.TryParse<SipTransportProtocol>(row.Transport, ignoreCase: true, out var transport))
        {
            return null;
        }
        return new RegistrationBinding(row.ExtensionNumber, row.ContactUri, row.InstanceId, transport, new IPEndPoint(address, row.ReceivedPort), 0,
            row.ExpiresAt, row.CallId, row.CSeq, row.UserAgent);
    }

    private static Registration ToRow(RegistrationBinding binding) => new(binding.Extension, binding.ContactUri,
        binding.Received.Address.ToString(), binding.Received.Port, binding.Transport.ToString().ToLowerInvariant(), binding.InstanceId,
        binding.ExpiresAt, binding.CallId, binding.CSeq, binding.UserAgent, Path: null);

    private static string FormatDate(DateTimeOffset now) => now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}

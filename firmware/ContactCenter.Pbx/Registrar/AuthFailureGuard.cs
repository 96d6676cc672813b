using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Pbx.Registrar;

/// <summary>
/// Throttles password guessing. Counts wrong digest responses per (source address, extension) and per source; after
/// <see cref="RegistrarOptions.FailuresBeforeBan"/> within <see cref="RegistrarOptions.FailureWindow"/> the source is
/// banned for that extension, and after failures for <see cref="RegistrarOptions.ExtensionsBeforeSourceBan"/> different
/// extensions it is banned as a whole, unless it is protected (other extensions hold valid registrations from it: the
/// office's NAT address). A banned request is answered exactly like a wrong password, so a guesser learns nothing.
/// Thread-safe (one lock, never held across I/O); time comes from the injected clock.
/// </summary>
public sealed class AuthFailureGuard
{
    private readonly RegistrarOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(IPAddress Source, string Extension), Queue<DateTimeOffset>> _failures = [];
    private readonly Dictionary<(IPAddress Source, string Extension), DateTimeOffset> _extensionBans = [];
    private readonly Dictionary<IPAddress, DateTimeOffset> _sourceBans = [];

    /// <summary>Creates the guard.</summary>
    public AuthFailureGuard(RegistrarOptions options, TimeProvider time, ILogger<AuthFailureGuard>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>True while <paramref name="source"/> may not authenticate as <paramref name="extension"/>.</summary>
    public bool IsBanned(IPAddress source, string extension)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_sourceBans.TryGetValue(source, out var until))
            {
                if (until > now)
                {
                    return true;
                }
                _sourceBans.Remove(source);
                RegistrarLog.Unbanned(_logger, source, "*");
            }
            if (_extensionBans.TryGetValue((source, extension), out until))
            {
                if (until > now)
                {
                    return true;
                }
                _extensionBans.Remove((source, extension));
                RegistrarLog.Unbanned(_logger, source, extension);
            }
            return false;
        }
    }

    /// <summary>Records a wrong response (only <c>WrongResponse</c> is evidence of guessing) and bans when a limit is reached.</summary>
    /// <param name="source">The request's source address.</param>
    /// <param name="extension">The extension (or unknown user name) it tried.</param>
    /// <param name="sourceProtected">True when other extensions hold valid registrations from <paramref name="source"/>.</param>
    public void RecordFailure(IPAddress source, string extension, bool sourceProtected)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(extension);
        var now = _time.GetUtcNow();
        var since = now - _options.FailureWindow;
        lock (_gate)
        {
            if (!_failures.TryGetValue((source, extension), out var times))
            {
                times = new Queue<DateTimeOffset>();
                _failures[(source, extension)] = times;
            }
            times.Enqueue(now);
            Prune(since);
            if (times.Count >= _options.FailuresBeforeBan && !_extensionBans.ContainsKey((source, extension)))
            {
                var until = now + _options.BanDuration;
                _extensionBans[(source, extension)] = until;
                RegistrarLog.BannedForExtension(_logger, source, extension, until, times.Count);
                times.Clear();
            }

            var extensions = _failures.Keys.Count(k => k.Source.Equals(source))
                + _extensionBans.Keys.Count(k => k.Source.Equals(source) && !_failures.ContainsKey(k));
            if (extensions >= _options.ExtensionsBeforeSourceBan && !_sourceBans.ContainsKey(source))
            {
                if (sourceProtected)
                {
                    RegistrarLog.SourceProtected(_logger, source, extensions);
                }
                else
                {
                    var until = now + _options.BanDuration;
                    _sourceBans[source] = until;
                    RegistrarLog.BannedSource(_logger, source, until, extensions);
                }
            }
        }
    }

    /// <summary>The bans in force now, for the admin.</summary>
    public IReadOnlyList<AuthBan> ListBans()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var bans = new List<AuthBan>();
            foreach (var (source, until) in _sourceBans)
            {
                if (until > now)
                {
                    bans.Add(new AuthBan(source, null, until));
                }
            }
            foreach (var ((source, extension), until) in _extensionBans)
            {
                if (until > now)
                {
                    bans.Add(new AuthBan(source, extension, until));
                }
            }
            return bans;
        }
    }

    private void Prune(DateTimeOffset since)
    {
        List<(IPAddress, string)>? empty = null;
        foreach (var (key, times) in _failures)
        {
            while (times.TryPeek(out var oldest) && oldest <= since)
            {
                times.Dequeue();
            }
            if (times.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }
        if (empty is not null)
        {
            foreach (var key in empty)
            {
                _failures.Remove(key);
            }
        }
        var now = since + _options.FailureWindow;
        foreach (var (key, until) in _extensionBans)
        {
            if (until <= now)
            {
                _extensionBans.Remove(key);
                RegistrarLog.Unbanned(_logger, key.Source, key.Extension);
            }
        }
        foreach (var (source, until) in _sourceBans)
        {
            if (until <= now)
            {
                _sourceBans.Remove(source);
                RegistrarLog.Unbanned(_logger, source, "*");
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Interop.Tests;

/// <summary>
/// The connection to one baresip's <c>ctrl_tcp</c> module (netstring-framed JSON): commands such as
/// <c>{"command":"dial","params":"sip:201@127.0.0.1:5060","token":"7"}</c> are answered by
/// <c>{"response":true,"ok":true,"data":"…","token":"7"}</c>, and every UA event arrives as an event object.
/// baresip 1.0.0 accepts one connection at a time and sends events only while one is open.
/// </summary>
public sealed class BaresipControl : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Action<BaresipEvent> _onEvent;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BaresipResponse>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextToken;

    private BaresipControl(TcpClient client, Action<BaresipEvent> onEvent)
    {
        _client = client;
        _stream = client.GetStream();
        _onEvent = onEvent;
        _reader = ReadAsync(_stop.Token);
    }

    /// <summary>Why the reader stopped (connection closed, bad framing), once it has.</summary>
    public string? Failure { get; private set; }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; <paramref name="onEvent"/> runs on the reader for each event, in order.</summary>
    public static async Task<BaresipControl> ConnectAsync(int port, Action<BaresipEvent> onEvent)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        try
        {
            await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new BaresipControl(client, onEvent);
    }

    /// <summary>Runs a command (a menu command name, as <c>help</c> lists them) and returns baresip's answer.</summary>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<BaresipResponse> SendAsync(string command, string? parameters, TimeSpan timeout)
    {
        var token = Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<BaresipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = answer;
        try
        {
            await _sendLock.WaitAsync();
            try
            {
                await _stream.WriteAsync(Netstring.Encode(CommandJson(command, parameters, token)));
            }
            finally
            {
                _sendLock.Release();
            }

            if (await Task.WhenAny(answer.Task, Task.Delay(timeout)) != answer.Task)
            {
                throw new TimeoutException($"baresip did not answer '{command} {parameters}' within {timeout.TotalSeconds} s{(Failure is null ? "" : $" ({Failure})")}");
            }

            return await answer.Task;
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        await _reader;
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private static byte[] CommandJson(string command, string? parameters, string token)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("command", command);
            if (parameters is not null)
            {
                writer.WriteString("params", parameters);
            }

            writer.WriteString("token", token);
            writer.WriteEndObject();
        }

        return json.ToArray();
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        var framing = new Netstring();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, stop)) > 0)
            {
                foreach (var payload in framing.Feed(buffer.AsSpan(0, read)))
                {
                    Dispatch(Encoding.UTF8.GetString(payload));
                }
            }

            Failure = "baresip closed the control connection";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Failure = "closed";
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidDataException or JsonException)
        {
            Failure = e.Message;
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new IOException($"baresip control connection: {Failure}"));
        }
    }

    private void Dispatch(string json)
    {
        using var document = JsonDocument.Parse(json);
        var message = document.RootElement;
        if (BaresipEvent.TryParse(message, json) is { } ua)
        {
            _onEvent(ua);
            return;
        }

        if (message.TryGetProperty("token", out var token) && token.GetString() is { } key && _pending.TryGetValue(key, out var answer))
        {
            var ok = message.TryGetProperty("ok", out var flag) && flag.ValueKind == JsonValueKind.True;
            var data = message.TryGetProperty("data", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
            answer.TrySetResult(new BaresipResponse(ok, data));
        }
    }
}

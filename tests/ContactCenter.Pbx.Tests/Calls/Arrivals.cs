namespace ContactCenter.Pbx.Tests.Calls;

/// <summary>
/// Things that arrive on other threads (messages, armed timers), kept until a test takes them: in any order, the first
/// not taken yet that matches. Every item is also kept in <see cref="All"/>, taken or not.
/// </summary>
public sealed class Arrivals<T>
{
    /// <summary>How long a taker waits before the test fails: a hang guard, never a timing assertion.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<T> _pending = [];
    private readonly List<T> _all = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pending.Add(item);
            _all.Add(item);
            arrived = _arrived;
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
    }

    /// <summary>Whether an item not taken yet matches.</summary>
    public bool Holds(Func<T, bool> match)
    {
        lock (_gate)
        {
            return _pending.Exists(i => match(i));
        }
    }

    /// <summary>Takes the first item not taken yet that matches; fails the test with <paramref name="failure"/> after <see cref="Timeout"/>.</summary>
    public async Task<T> TakeAsync(Func<T, bool> match, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var index = _pending.FindIndex(i => match(i));
                if (index >= 0)
                {
                    var found = _pending[index];
                    _pending.RemoveAt(index);
                    return found;
                }
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException(failure());
            }
        }
    }
}

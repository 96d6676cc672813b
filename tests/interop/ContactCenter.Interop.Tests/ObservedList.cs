namespace ContactCenter.Interop.Tests;

/// <summary>
/// An append-only list filled by a reader thread (a child process's output, a control connection's events) that tests
/// wait on: a wait looks at what already arrived from an index on, then at what arrives, and fails after a bounded time.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ObservedList<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>A copy of everything so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    /// <summary>How many items arrived so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Appends <paramref name="item"/> and completes the waits it matches.</summary>
    public void Add(T item)
    {
        List<Waiter> matched;
        int index;
        lock (_lock)
        {
            index = _items.Count;
            _items.Add(item);
            matched = _waiters.Where(w => index >= w.From && w.Match(item)).ToList();
            foreach (var waiter in matched)
            {
                _waiters.Remove(waiter);
            }
        }

        // Completed outside the lock: continuations run asynchronously anyway, this keeps the reader thread short.
        foreach (var waiter in matched)
        {
            waiter.Found.TrySetResult((index, item));
        }
    }

    /// <summary>
    /// The first item at index <paramref name="from"/> or later that matches, already there or still to come, with its index;
    /// null when none arrives within <paramref name="timeout"/>.
    /// </summary>
    public async Task<(int Index, T Item)?> WaitAsync(Func<T, bool> match, TimeSpan timeout, int from = 0)
    {
        var waiter = new Waiter(match, from, new TaskCompletionSource<(int, T)>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            for (var i = Math.Max(from, 0); i < _items.Count; i++)
            {
                if (match(_items[i]))
                {
                    return (i, _items[i]);
                }
            }

            _waiters.Add(waiter);
        }

        if (await Task.WhenAny(waiter.Found.Task, Task.Delay(timeout)) == waiter.Found.Task)
        {
            return await waiter.Found.Task;
        }

        lock (_lock)
        {
            _waiters.Remove(waiter);
        }

        // It may have completed between the timeout and the removal.
        return waiter.Found.Task.IsCompletedSuccessfully ? await waiter.Found.Task : null;
    }

    private sealed record Waiter(Func<T, bool> Match, int From, TaskCompletionSource<(int, T)> Found);
}

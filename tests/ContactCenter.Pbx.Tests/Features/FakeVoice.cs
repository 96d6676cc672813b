using ContactCenter.Media.Endpoints;
using ContactCenter.Pbx.Features;
using ContactCenter.Pbx.Tests.Calls;

namespace ContactCenter.Pbx.Tests.Features;

/// <summary>
/// A voice whose utterances last until the test ends them (<see cref="Finish"/>) or the application interrupts them.
/// Each utterance ("prompt" or "digits:123") arrives in <see cref="Said"/>; interrupted ones in <see cref="Interrupted"/>.
/// </summary>
public sealed class FakeVoice : ITestVoice, IAudioSource
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool>? _current;

    public Arrivals<string> Said { get; } = new();

    public Arrivals<string> Interrupted { get; } = new();

    private string _currentText = "";

    public IAudioSource Source => this;

    public bool Read(Span<short> frame, int sampleRate) => true;

    public Task<bool> PlayTestPromptAsync(CancellationToken cancellationToken) => Say("prompt", cancellationToken);

    public Task<bool> SayDigitsAsync(string digits, CancellationToken cancellationToken) => Say($"digits:{digits}", cancellationToken);

    public void Interrupt()
    {
        TaskCompletionSource<bool>? current;
        string text;
        lock (_gate)
        {
            (current, text, _current) = (_current, _currentText, null);
        }
        if (current is not null)
        {
            Interrupted.Add(text);
            current.TrySetResult(false);
        }
    }

    /// <summary>The current utterance played to its end.</summary>
    public void Finish()
    {
        TaskCompletionSource<bool>? current;
        lock (_gate)
        {
            (current, _current) = (_current, null);
        }
        Xunit.Assert.NotNull(current);
        current.TrySetResult(true);
    }

    private Task<bool> Say(string text, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _current = completion;
            _currentText = text;
        }
        Said.Add(text);
        return completion.Task.WaitAsync(cancellationToken);
    }
}

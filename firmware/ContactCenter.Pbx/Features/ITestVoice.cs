using ContactCenter.Media.Endpoints;

namespace ContactCenter.Pbx.Features;

/// <summary>What the test applications say on one call: an audio source to put on the endpoint, and the prompts it plays.</summary>
public interface ITestVoice
{
    /// <summary>The audio to send (silence when nothing is being said).</summary>
    IAudioSource Source { get; }

    /// <summary>Plays the playback test's prompt once.</summary>
    /// <returns>True when it played to its end, false when <see cref="Interrupt"/> cut it.</returns>
    Task<bool> PlayTestPromptAsync(CancellationToken cancellationToken);

    /// <summary>Says "you pressed" and then each key of <paramref name="digits"/>.</summary>
    /// <returns>True when it was said to the end, false when <see cref="Interrupt"/> cut it.</returns>
    Task<bool> SayDigitsAsync(string digits, CancellationToken cancellationToken);

    /// <summary>Stops what is being said (a digit was pressed).</summary>
    void Interrupt();
}

using System.Threading.Channels;

namespace ContactCenter.Board.Gpio;

/// <summary>
/// The raw lines of a front panel: outputs the LED engine drives high or low, inputs whose edges the key engine
/// reads. Levels are logical (active-low lines are inverted by the backend), so <c>true</c> means "LED lit" or "key
/// pressed" whatever the wiring. Implemented by the GPIO character device (<see cref="ChardevGpioLines"/>) and by
/// the simulated board; patterns, debounce and long presses belong to the engines above.
/// </summary>
public interface IGpioLines : IDisposable
{
    /// <summary>Drives output <paramref name="line"/> to logical high (<c>true</c>) or low.</summary>
    /// <param name="line">A line configured as an output.</param>
    /// <param name="high">The logical level.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not an output of this board.</exception>
    void SetOutput(int line, bool high);

    /// <summary>Edges of the input lines in the order they happened; completes when the lines are disposed.</summary>
    ChannelReader<GpioEdge> Edges { get; }
}

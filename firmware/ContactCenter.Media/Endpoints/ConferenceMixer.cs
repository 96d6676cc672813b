using System.Diagnostics.CodeAnalysis;
using ContactCenter.Media.Clock;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// An N-party conference bridge, ticked once per frame in the <see cref="MediaClockPhase.Mix"/> phase. Each
/// <see cref="ConferenceParticipant"/> is both the sink of its endpoint (what it received in the Receive phase) and its
/// source (what it sends in the Send phase); every participant hears the sum of all the others and never itself
/// (mix-minus).
/// </summary>
/// <remarks>
/// <para>
/// Mixing runs at 16 kHz: narrowband participants are converted on the way in and out, so 8 kHz (G.711) and 16 kHz
/// (G.722) callers share one conference. Per tick the mixer sums every unmuted participant that delivered a frame
/// once, then gives each participant that total minus its own contribution: O(N) frames of work, no allocation. A
/// participant that delivered nothing this tick (a lost packet, a held phone) counts as silence. Sums beyond 16 bits
/// are clipped to full scale, as a phone's own saturation would do; with speech rarely overlapping at full level,
/// clipping is rare and costs less than a limiter's gain changes.
/// </para>
/// <para>
/// Join, leave and mute may happen on any thread at any time: the participant list is replaced as a whole (copy on
/// write) under a lock the clock never takes, and each tick mixes one snapshot of it.
/// </para>
/// </remarks>
public sealed class ConferenceMixer : IMediaTickable
{
    /// <summary>The default largest conference.</summary>
    public const int DefaultMaxParticipants = 32;

    private readonly Lock _gate = new();
    private readonly int[] _sum = new int[MediaFrame.MaxSamples];
    private ConferenceParticipant[] _participants = [];

    /// <summary>Creates an empty conference; register it with the clock in the Mix phase.</summary>
    /// <param name="maxParticipants">The most participants <see cref="TryJoin"/> admits.</param>
    public ConferenceMixer(int maxParticipants = DefaultMaxParticipants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParticipants, 2);
        MaxParticipants = maxParticipants;
    }

    /// <summary>The most participants admitted.</summary>
    public int MaxParticipants { get; }

    /// <summary>The number of participants.</summary>
    public int Count => Volatile.Read(ref _participants).Length;

    /// <summary>
    /// Adds a participant, heard by the others and hearing them from the next tick. Set it as its endpoint's sink and
    /// source; dispose it to leave.
    /// </summary>
    /// <param name="participant">The new participant.</param>
    /// <returns>False when the conference is full.</returns>
    public bool TryJoin([NotNullWhen(true)] out ConferenceParticipant? participant)
    {
        lock (_gate)
        {
            if (_participants.Length >= MaxParticipants)
            {
                participant = null;
                return false;
            }

            participant = new ConferenceParticipant(this);
            Volatile.Write(ref _participants, [.. _participants, participant]);
            return true;
        }
    }

    /// <inheritdoc/>
    public void OnTick(long frame)
    {
        var participants = Volatile.Read(ref _participants);
        var sum = _sum.AsSpan();
        sum.Clear();
        foreach (var participant in participants)
        {
            participant.AddContribution(sum);
        }

        foreach (var participant in participants)
        {
            participant.TakeMixMinus(sum);
        }
    }

    internal void Leave(ConferenceParticipant participant)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_participants, participant);
            if (index >= 0)
            {
                Volatile.Write(ref _participants, [.. _participants.AsSpan(0, index), .. _participants.AsSpan(index + 1)]);
            }
        }
    }
}

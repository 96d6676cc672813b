using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Board.Profiles;

/// <summary>
/// A profile, or why there is none. Loading and validation produce it; the GPIO backend produces a failure too when a
/// line of a valid profile turns out busy (<see cref="ProfileErrors.LineBusy"/>), so start-up reports both alike.
/// </summary>
public sealed class BoardProfileResult
{
    private BoardProfileResult(BoardProfile? profile, IReadOnlyList<string> errors)
    {
        Profile = profile;
        Errors = errors;
    }

    /// <summary>The profile, when <see cref="Succeeded"/>.</summary>
    public BoardProfile? Profile { get; }

    /// <summary>Every problem found, each naming the LED, key, chip or line at fault; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Whether there is a profile.</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool Succeeded => Profile is not null;

    /// <summary>A usable profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The success.</returns>
    public static BoardProfileResult Success(BoardProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new BoardProfileResult(profile, []);
    }

    /// <summary>No usable profile.</summary>
    /// <param name="errors">At least one message.</param>
    /// <returns>The failure.</returns>
    public static BoardProfileResult Failure(IEnumerable<string> errors)
    {
        string[] list = [.. errors];
        ArgumentOutOfRangeException.ThrowIfZero(list.Length, nameof(errors));
        return new BoardProfileResult(null, list);
    }
}

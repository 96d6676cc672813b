namespace ContactCenter.Data.Repositories;

/// <summary>The outcome of an admin change (expected outcomes are values, STYLE.md §7).</summary>
public enum ChangeResult
{
    /// <summary>Committed.</summary>
    Done,
    /// <summary>Nothing changed: the number (or name) is taken.</summary>
    AlreadyExists,
    /// <summary>Nothing changed: no such row.</summary>
    NotFound,
    /// <summary>Nothing changed: a referenced row (e.g. the department) does not exist.</summary>
    InvalidReference,
}

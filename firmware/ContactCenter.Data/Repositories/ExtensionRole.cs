namespace ContactCenter.Data.Repositories;

/// <summary>What an extension's user may do in the web UI (stored as <c>user|agent|supervisor|admin</c>).</summary>
public enum ExtensionRole
{
    /// <summary>A phone user.</summary>
    User,
    /// <summary>A queue agent.</summary>
    Agent,
    /// <summary>A department manager.</summary>
    Supervisor,
    /// <summary>An administrator.</summary>
    Admin,
}

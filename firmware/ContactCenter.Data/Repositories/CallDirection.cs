namespace ContactCenter.Data.Repositories;

/// <summary>Which way a call went.</summary>
public enum CallDirection
{
    /// <summary>Extension to extension.</summary>
    Internal,
    /// <summary>From a trunk to the office.</summary>
    Inbound,
    /// <summary>From the office to a trunk.</summary>
    Outbound,
}

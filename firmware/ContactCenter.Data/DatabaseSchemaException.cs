namespace ContactCenter.Data;

/// <summary>The database cannot be used by this firmware: written by a newer version, or a migration failed.</summary>
public sealed class DatabaseSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseSchemaException()
    {
    }

    /// <summary>Creates the exception with a message for the admin.</summary>
    public DatabaseSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DatabaseSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace ContactCenter.Interop.Tests;

/// <summary>baresip could not bind the ports it was given (taken by someone else after they were probed): worth another start.</summary>
public sealed class BaresipStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BaresipStartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BaresipStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BaresipStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace ContactCenter.Sip.Transport;

/// <summary>A listener could not be bound (port in use, address not local); the message names which.</summary>
public sealed class SipTransportBindException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SipTransportBindException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SipTransportBindException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SipTransportBindException(string message) : base(message)
    {
    }
}

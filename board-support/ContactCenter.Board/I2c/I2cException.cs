namespace ContactCenter.Board.I2c;

/// <summary>The kernel refused an I2C operation; the message names the bus and the chip's address.</summary>
public sealed class I2cException : IOException
{
    /// <summary>Creates the exception.</summary>
    public I2cException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public I2cException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public I2cException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed system call.</summary>
    /// <param name="message">What failed, naming bus and address.</param>
    /// <param name="errno">The errno the call set.</param>
    public I2cException(string message, int errno)
        : base(message)
    {
        Errno = errno;
    }

    /// <summary>The errno of the failed call (0 when none).</summary>
    public int Errno { get; }
}

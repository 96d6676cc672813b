namespace ContactCenter.Board.Gpio;

/// <summary>The kernel refused a GPIO operation; the message names the chip and, where one is at fault, the line.</summary>
public sealed class GpioException : IOException
{
    /// <summary>Creates the exception.</summary>
    public GpioException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GpioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GpioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed system call.</summary>
    /// <param name="message">What failed, naming chip and line.</param>
    /// <param name="errno">The errno the call set.</param>
    public GpioException(string message, int errno)
        : base(message)
    {
        Errno = errno;
    }

    /// <summary>The errno of the failed call (0 when none).</summary>
    public int Errno { get; }
}

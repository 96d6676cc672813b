namespace ContactCenter.Media.StreamBench;

/// <summary>
/// One sender's packets as they reach the receiver: the interval between consecutive sequence numbers, by the kernel's
/// receive timestamp and by the receiving thread's clock. A gap (loss) or a step back (reordering, duplicate) gives no
/// interval, so the figures are the spacing of packets sent one after the other.
/// </summary>
internal sealed class ReceivedStream
{
    private int _lastSequence = -1;
    private long _lastKernel;
    private long _lastUser;

    public IntervalHistogram Kernel { get; } = new();

    public IntervalHistogram User { get; } = new();

    public long Packets { get; private set; }

    public long Lost { get; private set; }

    public long Misordered { get; private set; }

    /// <summary>Takes one packet; times in nanoseconds, <paramref name="kernelNanoseconds"/> negative when the kernel gave none.</summary>
    public void Add(ushort sequence, long kernelNanoseconds, long userNanoseconds, bool recording)
    {
        if (recording)
        {
            Packets++;
        }

        if (_lastSequence >= 0)
        {
            short step = (short)(sequence - (ushort)(_lastSequence + 1));
            if (step < 0)
            {
                Misordered += recording ? 1 : 0;
                return;
            }

            if (step > 0)
            {
                Lost += recording ? step : 0;
            }
            else if (recording)
            {
                if (kernelNanoseconds >= 0 && _lastKernel >= 0)
                {
                    Kernel.Add(kernelNanoseconds - _lastKernel);
                }

                User.Add(userNanoseconds - _lastUser);
            }
        }

        _lastSequence = sequence;
        _lastKernel = kernelNanoseconds;
        _lastUser = userNanoseconds;
    }
}

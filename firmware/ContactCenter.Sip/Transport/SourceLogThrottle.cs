using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>TEMPORARY: replaced by the transport branch's version at merge.</summary>
internal sealed class SourceLogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly Dictionary<IPAddress, long> _last = [];

    public bool ShouldLog(IPAddress source)
    {
        var now = time.GetTimestamp();
        lock (_last)
        {
            if (_last.TryGetValue(source, out var last) && time.GetElapsedTime(last, now) < interval)
            {
                return false;
            }
            _last[source] = now;
            return true;
        }
    }
}

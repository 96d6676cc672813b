using System.Text;

namespace ContactCenter.Firmware.Hosting;

/// <summary>
/// Collects what each listener bound, for the one <c>ready sip=5060 web=8080 rtp=10000-20000</c> line of
/// the command-line contract. Hosted services add their entry in <c>StartAsync</c>; the line is written
/// once all of them have started.
/// </summary>
internal sealed class ReadyLine
{
    private readonly Lock _lock = new();
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>Records one listener, e.g. <c>("sip", "5060")</c>.</summary>
    public void Add(string key, string value)
    {
        lock (_lock)
        {
            _entries.Add(new(key, value));
        }
    }

    /// <summary>The key=value pairs, in the order the listeners started.</summary>
    public string Pairs()
    {
        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (var (key, value) in _entries)
            {
                text.Append(text.Length == 0 ? "" : " ").Append(key).Append('=').Append(value);
            }
        }

        return text.ToString();
    }

    /// <summary>The whole line, without the line end.</summary>
    public override string ToString() => "ready " + Pairs();
}

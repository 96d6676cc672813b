using System.Globalization;
using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The event list of a telephone-event <c>a=fmtp</c> (RFC 4733 §2.5.1.3: comma-separated codes and ranges, default
/// <c>0-15</c> when absent), reduced to the sixteen DTMF events 0–15 the engine sends and receives.
/// </summary>
internal static class SdpTelephoneEvents
{
    /// <summary>All sixteen DTMF events.</summary>
    public const ushort AllDtmf = 0xFFFF;

    /// <summary>The DTMF events (bit n = event n) in <paramref name="fmtp"/>; <see cref="AllDtmf"/> when absent.</summary>
    public static ushort ParseDtmf(string? fmtp)
    {
        if (string.IsNullOrWhiteSpace(fmtp))
        {
            return AllDtmf;
        }

        ushort mask = 0;
        foreach (var item in fmtp.Split(',', StringSplitOptions.TrimEntries))
        {
            int dash = item.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? item : item[..dash];
            var last = dash < 0 ? item : item[(dash + 1)..];
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int to) || to < from)
            {
                continue;
            }

            for (int code = from; code <= Math.Min(to, 15); code++)
            {
                mask |= (ushort)(1 << code);
            }
        }

        return mask;
    }

    /// <summary>Writes a mask as codes and ranges, e.g. <c>0-15</c> or <c>0-9,11</c>.</summary>
    public static string Format(ushort mask)
    {
        var builder = new StringBuilder();
        for (int code = 0; code < 16; code++)
        {
            if ((mask & (1 << code)) == 0)
            {
                continue;
            }

            int end = code;
            while (end < 15 && (mask & (1 << (end + 1))) != 0)
            {
                end++;
            }

            builder.Append(builder.Length > 0 ? "," : string.Empty).Append(code.ToString(CultureInfo.InvariantCulture));
            if (end > code)
            {
                builder.Append('-').Append(end.ToString(CultureInfo.InvariantCulture));
            }

            code = end;
        }

        return builder.ToString();
    }
}

using System.Globalization;
using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>Field-level grammar of the lines the anchoring code reads (RFC 8866 §5.2, §5.7, §5.14; RFC 3605 §2.1).</summary>
internal static class SdpGrammar
{
    /// <summary><c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;</c>.</summary>
    public static bool IsValidOrigin(string value)
    {
        var fields = value.Split(' ');
        return fields.Length == 6 && fields.All(f => f.Length > 0) && IsDigits(fields[1]) && IsDigits(fields[2]);
    }

    /// <summary><c>c=IN IP4|IP6 &lt;address&gt;[/ttl[/count]]</c>; the address part is returned without suffixes.</summary>
    public static bool TryParseConnection(string value, out string addressType, out string address)
    {
        addressType = address = string.Empty;
        var fields = value.Split(' ');
        if (fields.Length != 3 || fields[0] != "IN" || fields[1] is not ("IP4" or "IP6") || fields[2].Length == 0)
        {
            return false;
        }

        addressType = fields[1];
        int slash = fields[2].IndexOf('/', StringComparison.Ordinal);
        address = slash < 0 ? fields[2] : fields[2][..slash];
        return address.Length > 0;
    }

    /// <summary>
    /// A connection address of <c>0.0.0.0</c> (or <c>::</c>): the RFC 2543 way of putting a stream on hold, "do not send
    /// to me" (RFC 3264 §8.4).
    /// </summary>
    public static bool IsHoldAddress(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary><c>m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; …</c>.</summary>
    public static bool TryParseMedia(string value, out string media, out int port, out string protoAndFormats)
    {
        media = protoAndFormats = string.Empty;
        port = 0;
        var fields = value.Split(' ', 3);
        if (fields.Length != 3 || fields[0].Length == 0)
        {
            return false;
        }

        var portField = fields[1];
        int slash = portField.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!IsDigits(portField[(slash + 1)..]))
            {
                return false;
            }

            portField = portField[..slash];
        }

        var rest = fields[2].Split(' ');
        if (!IsDigits(portField) || portField.Length > 5 || rest.Length < 2 || rest.Any(f => f.Length == 0))
        {
            return false;
        }

        port = int.Parse(portField, NumberStyles.None, CultureInfo.InvariantCulture);
        if (port > IPEndPoint.MaxPort)
        {
            return false;
        }

        media = fields[0];
        protoAndFormats = fields[2];
        return true;
    }

    /// <summary>The value of <c>a=rtcp:&lt;port&gt; [IN IP4|IP6 &lt;address&gt;]</c>.</summary>
    public static bool TryParseRtcp(string attributeValue, out int port, out string? address)
    {
        port = 0;
        address = null;
        var fields = attributeValue.Split(' ');
        if (fields.Length is not (1 or 4) || !IsDigits(fields[0]) || fields[0].Length > 5)
        {
            return false;
        }

        port = int.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture);
        if (port is 0 or > IPEndPoint.MaxPort)
        {
            return false;
        }

        if (fields.Length == 4)
        {
            if (!TryParseConnection(string.Join(' ', fields, 1, 3), out _, out var parsed))
            {
                return false;
            }

            address = parsed;
        }

        return true;
    }

    /// <summary>Splits <c>a=name:value</c> / <c>a=flag</c>.</summary>
    public static (string Name, string? Value) SplitAttribute(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (value, null) : (value[..colon], value[(colon + 1)..]);
    }

    public static SdpDirection? ParseDirection(string attribute) => attribute switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };

    public static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}

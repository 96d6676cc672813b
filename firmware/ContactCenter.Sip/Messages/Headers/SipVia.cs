using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>CONTRACT STUB: replaced by the grammar work.</summary>
public sealed class SipVia
{
    /// <summary>Transport token, upper-cased (UDP, TCP, TLS, SCTP, WS, WSS or an extension).</summary>
    public string Transport { get; } = "";
    /// <summary>sent-by host.</summary>
    public string Host { get; } = "";
    /// <summary>sent-by port, when given.</summary>
    public int? Port { get; }
    /// <summary>branch parameter.</summary>
    public string? Branch { get; }
    /// <summary>maddr parameter.</summary>
    public string? Maddr { get; }
    /// <summary>True when an rport parameter is present, with or without a value.</summary>
    public bool HasRPort { get; }
    /// <summary>A copy with received and rport set.</summary>
    public SipVia WithReceived(string received, int? rport) => throw new NotImplementedException();
    /// <summary>Parses one Via header field value, which may hold several comma-separated via-parms, appending to <paramref name="into"/>.</summary>
    public static bool TryParseList(string value, List<SipVia> into) => throw new NotImplementedException();
    /// <summary>Parses exactly one via-parm.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SipVia? via) => throw new NotImplementedException();
}

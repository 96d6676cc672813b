using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages.Headers;

/// <summary>A Content-Type value (RFC 3261 §20.15): <c>type/subtype *( ; parameter )</c>.</summary>
public sealed class SipContentType
{
    /// <summary>Builds a media type.</summary>
    /// <exception cref="ArgumentException">Type, subtype or a parameter name is not a token.</exception>
    public SipContentType(string type, string subType, IEnumerable<SipParameter>? parameters = null)
    {
        Type = type;
        SubType = subType;
        Parameters = parameters?.ToArray() ?? [];
        if (!SipGrammar.IsToken(type) || !SipGrammar.IsToken(subType) || Parameters.Any(p => !SipGrammar.IsToken(p.Name) || p.Value is null))
        {
            throw new ArgumentException("Type, subtype and parameter names are tokens; parameters have values.");
        }
    }

    private SipContentType(string type, string subType, SipParameter[] parameters, bool _)
    {
        Type = type;
        SubType = subType;
        Parameters = parameters;
    }

    /// <summary>The top-level type as written (<c>application</c>).</summary>
    public string Type { get; }

    /// <summary>The subtype as written (<c>sdp</c>).</summary>
    public string SubType { get; }

    /// <summary><c>type/subtype</c>.</summary>
    public string MediaType => Type + "/" + SubType;

    /// <summary>Parameters in order (quotes removed).</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The charset parameter, or null.</summary>
    public string? Charset => GetParameter("charset");

    /// <summary>The value of parameter <paramref name="name"/> (ASCII case-insensitive), or null.</summary>
    public string? GetParameter(string name) => SipGrammar.FindParameter(Parameters, name);

    /// <summary>True when this is <paramref name="type"/>/<paramref name="subType"/>, compared ASCII case-insensitively.</summary>
    public bool Is(string type, string subType) =>
        Ascii.EqualsIgnoreCase(Type, type) && Ascii.EqualsIgnoreCase(SubType, subType);

    /// <summary>True when <c>type/subtype</c> equals <paramref name="mediaType"/> (e.g. <c>application/sdp</c>), ASCII case-insensitively.</summary>
    public bool Is(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Is(mediaType[..slash], mediaType[(slash + 1)..]);
    }

    /// <summary>Parses a media-type; false when malformed. Never throws.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipContentType? contentType)
    {
        contentType = null;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan();
        var pos = SipGrammar.SkipLws(text, 0);
        var typeEnd = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        var type = text[pos..typeEnd];
        pos = SipGrammar.SkipLws(text, typeEnd);
        if (type.IsEmpty || pos >= text.Length || text[pos] != '/')
        {
            return false;
        }
        pos = SipGrammar.SkipLws(text, pos + 1);
        var subEnd = SipGrammar.ReadRun(text, pos, SipGrammar.TokenChars);
        var subType = text[pos..subEnd];
        var parameters = new List<SipParameter>();
        if (subType.IsEmpty || !SipGrammar.TryParseParameters(text, subEnd, parameters) || parameters.Any(p => p.Value is null))
        {
            return false;
        }
        contentType = new SipContentType(type.ToString(), subType.ToString(), [.. parameters], false);
        return true;
    }

    /// <summary>The header value, e.g. <c>application/sdp</c> or <c>text/plain;charset=UTF-8</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder().Append(Type).Append('/').Append(SubType);
        SipGrammar.AppendParameters(builder, Parameters);
        return builder.ToString();
    }
}

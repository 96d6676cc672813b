using System.Buffers;
using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Events.Bodies;

/// <summary>UTF-8 output for the event bodies: raw literals, integers and XML-escaped text, straight into the writer.</summary>
internal static class Utf8Text
{
    // Markup characters plus every C0 control: XML 1.0 (§2.2) allows only tab, LF and CR among them.
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "&<>\"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    public static void Raw(IBufferWriter<byte> writer, ReadOnlySpan<byte> utf8) => writer.Write(utf8);

    public static void Plain(IBufferWriter<byte> writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    public static void Integer(IBufferWriter<byte> writer, long value)
    {
        var span = writer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        writer.Advance(written);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as XML character data or a double-quoted attribute value: markup characters
    /// become entities, tab/LF/CR in attributes become character references (so attribute-value normalisation keeps
    /// them, XML 1.0 §3.3.3), and the other C0 controls, which XML 1.0 cannot carry at all, are dropped.
    /// </summary>
    public static void Escaped(IBufferWriter<byte> writer, ReadOnlySpan<char> text, bool attribute)
    {
        while (!text.IsEmpty)
        {
            var index = text.IndexOfAny(NeedsEscape);
            if (index < 0)
            {
                Plain(writer, text);
                return;
            }
            Plain(writer, text[..index]);
            Raw(writer, Entity(text[index], attribute));
            text = text[(index + 1)..];
        }
    }

    private static ReadOnlySpan<byte> Entity(char c, bool attribute) => c switch
    {
        '&' => "&amp;"u8,
        '<' => "&lt;"u8,
        '>' => "&gt;"u8,
        '"' => "&quot;"u8,
        '\t' => attribute ? "&#9;"u8 : "\t"u8,
        '\n' => attribute ? "&#10;"u8 : "\n"u8,
        '\r' => "&#13;"u8,
        _ => [],
    };
}

namespace ContactCenter.Interop.Tests;

/// <summary>The outcome of one sipp run.</summary>
/// <param name="ExitCode">sipp's exit code: 0 when every call succeeded.</param>
/// <param name="ErrorLog">The <c>-trace_err</c> log (unexpected messages, failures).</param>
/// <param name="MessageLog">The <c>-trace_msg</c> log (every message sent and received).</param>
/// <param name="Output">sipp's own standard output and error.</param>
public sealed record SippResult(int ExitCode, string ErrorLog, string MessageLog, string Output)
{
    /// <summary>The start lines of the messages in <see cref="MessageLog"/>, in order, with their direction.</summary>
    public IReadOnlyList<(bool Sent, string StartLine)> Messages()
    {
        var messages = new List<(bool, string)>();
        var blocks = MessageLog.Split("-----------------------------------------------", StringSplitOptions.RemoveEmptyEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n').Select(l => l.Trim()).ToArray();
            var header = Array.FindIndex(lines, l => l.Contains("message sent", StringComparison.Ordinal) || l.Contains("message received", StringComparison.Ordinal));
            if (header < 0)
            {
                continue;
            }

            var startLine = lines.Skip(header + 1).FirstOrDefault(l => l.Length > 0) ?? "";
            messages.Add((lines[header].Contains("sent", StringComparison.Ordinal), startLine));
        }

        return messages;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"sipp exit code {ExitCode}\n--- errors ---\n{ErrorLog}\n--- messages ---\n{MessageLog}\n--- output (tail) ---\n{Tail(Output, 3000)}";

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];
}

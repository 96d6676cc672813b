using System.Globalization;

namespace ContactCenter.Media.StreamBench;

/// <summary>What to run: <c>--codec pcmu|g722 --streams N --seconds S --warmup S --port-base P</c>.</summary>
internal sealed record StreamBenchOptions(string Codec, int Streams, int Seconds, int Warmup, int PortBase)
{
    public static StreamBenchOptions Parse(string[] args)
    {
        var options = new StreamBenchOptions("pcmu", 200, 60, 10, 16000);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            options = args[i] switch
            {
                "--codec" when value is "pcmu" or "g722" => options with { Codec = value },
                "--streams" => options with { Streams = Positive(value) },
                "--seconds" => options with { Seconds = Positive(value) },
                "--warmup" => options with { Warmup = Positive(value) },
                "--port-base" => options with { PortBase = Positive(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]} {value}; expected --codec pcmu|g722, --streams, --seconds, --warmup, --port-base."),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} has no value.");
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number.");
}

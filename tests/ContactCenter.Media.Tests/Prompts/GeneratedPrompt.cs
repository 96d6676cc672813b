using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>A generated prompt read by the engine's own reader, as a player will read it.</summary>
internal static class GeneratedPrompt
{
    public static (WavInfo Info, short[] Samples) Read(string path)
    {
        var status = WavReader.TryReadFile(path, TimeSpan.FromMinutes(1), out byte[] file);
        if (status == WavReadStatus.Ok)
        {
            status = WavReader.TryDecode(file, TimeSpan.FromMinutes(1), out short[] samples, out var info);
            if (status == WavReadStatus.Ok)
            {
                return (info, samples);
            }
        }

        throw new InvalidDataException($"{path}: {status}");
    }
}

using System.Diagnostics;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Prompts;

/// <summary>Prompts/generate-prompts.sh, the build step, run on small text files.</summary>
public sealed class GeneratePromptsScriptTests : IDisposable
{
    private static readonly string Script = Path.Combine(FindRoot(), "firmware", "ContactCenter.Media", "Prompts", "generate-prompts.sh");

    private readonly TempDirectory _directory = new();

    private string Output => _directory.File("prompts");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void EachKey_BecomesOneWav_AndAStaleSetIsReplacedWhole()
    {
        Directory.CreateDirectory(Path.Combine(Output, "en"));
        File.WriteAllBytes(Path.Combine(Output, "en", "removed-key.wav"), [0]);
        string texts = WriteTexts("en.txt", "# note\nfirst-key\tHello.\nsecond.key   Three, two, one!\r\n");

        var (exitCode, stderr) = Run(texts);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["first-key.wav", "second.key.wav"], Directory.GetFiles(Path.Combine(Output, "en")).Select(Path.GetFileName).Order());
        var (info, _) = GeneratedPrompt.Read(Path.Combine(Output, "en", "second.key.wav"));
        Assert.Equal((WavEncoding.Pcm16, 1, 8000), (info.Encoding, info.Channels, info.SampleRate));
        Assert.False(Directory.Exists(Output + ".new"));
    }

    [Fact]
    public void SameText_GivesTheSameBytes()
    {
        string texts = WriteTexts("fr.txt", "key\tQuatre-vingt-dix-neuf.\n");
        Assert.Equal(0, Run(texts).ExitCode);
        byte[] first = File.ReadAllBytes(Path.Combine(Output, "fr", "key.wav"));

        Assert.Equal(0, Run(texts).ExitCode);

        Assert.Equal(first, File.ReadAllBytes(Path.Combine(Output, "fr", "key.wav")));
    }

    [Theory]
    [InlineData("good\tFine.\nBad Key\n", "en.txt:2:")]
    [InlineData("good\tFine.\n../up\tEscape.\n", "en.txt:2:")]
    [InlineData("lonely\n", "en.txt:1:")]
    public void BadLine_IsNamed_AndThePreviousSetStays(string content, string where)
    {
        Directory.CreateDirectory(Path.Combine(Output, "en"));
        File.WriteAllBytes(Path.Combine(Output, "en", "previous.wav"), [0]);
        string texts = WriteTexts("en.txt", content);

        var (exitCode, stderr) = Run(texts);

        Assert.Equal(1, exitCode);
        Assert.Contains(where, stderr, StringComparison.Ordinal);
        Assert.Equal(["previous.wav"], Directory.GetFiles(Path.Combine(Output, "en")).Select(Path.GetFileName));
    }

    [Fact]
    public void WithoutTheTools_ExitCode3SaysWhatToInstall_AndNothingIsWritten()
    {
        string texts = WriteTexts("en.txt", "key\tHello.\n");

        var (exitCode, stderr) = Run(texts, path: _directory.File("empty-path"));

        Assert.Equal(3, exitCode);
        Assert.Contains("apt-get install espeak-ng sox", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    private string WriteTexts(string name, string content)
    {
        string path = _directory.File(name);
        File.WriteAllText(path, content);
        return path;
    }

    private (int ExitCode, string Stderr) Run(string texts, string? path = null)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(Output);
        start.ArgumentList.Add(texts);
        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "generate-prompts.sh did not finish within 60 s");
        return (process.ExitCode, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ContactCenter.sln above {AppContext.BaseDirectory}");
    }
}

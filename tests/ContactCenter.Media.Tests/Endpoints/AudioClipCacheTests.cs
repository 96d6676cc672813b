using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Tools;
using Xunit;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class AudioClipCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AudioClipCache _cache = new(TimeSpan.FromMinutes(1));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SameFile_IsDecodedOnce_AndShared()
    {
        string path = Write("hello.wav", 8000, 800);

        var loads = await Task.WhenAll(_cache.LoadAsync(path), _cache.LoadAsync(path));
        var again = await _cache.LoadAsync(Path.Combine(_dir.Path, ".", "hello.wav"));

        Assert.Equal(WavReadStatus.Ok, loads[0].Status);
        Assert.Same(loads[0].Clip, loads[1].Clip);
        Assert.Same(loads[0].Clip, again.Clip);
        Assert.Equal(8000, again.Clip!.SampleRate);
        Assert.Equal(800, again.Clip.Length);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task ReplacedFile_IsDecodedAgain()
    {
        string path = Write("menu.wav", 8000, 800);
        var first = await _cache.LoadAsync(path);

        Write("menu.wav", 16000, 1600);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var second = await _cache.LoadAsync(path);

        Assert.NotSame(first.Clip, second.Clip);
        Assert.Equal(16000, second.Clip!.SampleRate);
    }

    [Fact]
    public async Task MissingOrBadFiles_GiveTheirStatus()
    {
        Assert.Equal(new AudioClipLoadResult(WavReadStatus.FileNotFound, null), await _cache.LoadAsync(_dir.File("none.wav")));

        string text = _dir.File("text.wav");
        await File.WriteAllTextAsync(text, "not a wave file");
        Assert.Equal(new AudioClipLoadResult(WavReadStatus.NotWave, null), await _cache.LoadAsync(text));

        // A file that appears later is found: the stamp of a missing file is not the stamp of a file.
        string later = _dir.File("later.wav");
        Assert.Equal(WavReadStatus.FileNotFound, (await _cache.LoadAsync(later)).Status);
        Write("later.wav", 8000, 160);
        Assert.Equal(WavReadStatus.Ok, (await _cache.LoadAsync(later)).Status);
    }

    [Fact]
    public async Task Evict_ForgetsTheFile()
    {
        string path = Write("bye.wav", 8000, 160);
        var first = await _cache.LoadAsync(path);
        _cache.Evict(path);
        Assert.Equal(0, _cache.Count);
        Assert.NotSame(first.Clip, (await _cache.LoadAsync(path)).Clip);
    }

    private string Write(string name, int rate, int count)
    {
        string path = _dir.File(name);
        using var writer = WavWriter.Create(path, rate);
        writer.Write(SignalMath.Sine(440, 8000, rate, count));
        return path;
    }
}

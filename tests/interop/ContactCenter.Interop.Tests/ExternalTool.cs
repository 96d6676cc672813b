namespace ContactCenter.Interop.Tests;

/// <summary>Finds the third-party tools the interop tests drive (DESIGN.md: a missing tool is a failure, never a skip).</summary>
public static class ExternalTool
{
    /// <summary>The full path of <paramref name="executable"/> on PATH; fails naming the Debian <paramref name="package"/> that provides it.</summary>
    public static string Find(string executable, string package)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{executable} not found: apt-get install {package}");
    }
}

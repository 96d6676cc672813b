using System.Reflection;

namespace ContactCenter.Interop.Tests;

/// <summary>Finds the repository and the already-built <c>contactcenter</c> of the same configuration as these tests.</summary>
internal static class RepositoryLayout
{
    /// <summary>The build configuration of this test assembly (Debug or Release).</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The directory holding ContactCenter.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The sipp scenario files.</summary>
    public static string Scenarios => Path.Combine(Root, "tests", "interop", "scenarios");

    /// <summary>The built firmware, run as <c>dotnet contactcenter.dll</c>.</summary>
    public static string FirmwareDll
    {
        get
        {
            var path = Path.Combine(Root, "firmware", "ContactCenter.Firmware", "bin", Configuration, "net10.0", "contactcenter.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"contactcenter is not built ({path} is missing): run 'make build' or 'dotnet build -c {Configuration}' first", path);
        }
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

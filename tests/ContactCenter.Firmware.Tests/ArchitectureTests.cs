using System.Reflection;
using Xunit;

namespace ContactCenter.Firmware.Tests;

/// <summary>STYLE.md §3: a project never reaches "up" the dependency table.</summary>
public class ArchitectureTests
{
    // Which of our assemblies each may reference. Projects join this table with their issues.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ContactCenter.Sip"] = [],
        ["ContactCenter.Media"] = [],
        ["ContactCenter.Data"] = [],
        ["ContactCenter.Board"] = [],
        ["ContactCenter.Pbx"] = ["ContactCenter.Sip", "ContactCenter.Media", "ContactCenter.Data"],
        ["contactcenter"] = ["ContactCenter.Sip", "ContactCenter.Media", "ContactCenter.Data", "ContactCenter.Pbx", "ContactCenter.Board"],
    };

    public static TheoryData<string> Assemblies => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_ReferencesOnlyWhatTheTableAllows(string name)
    {
        var assembly = Assembly.Load(name);
        var ours = assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("ContactCenter.", StringComparison.Ordinal) || n == "contactcenter")
            .ToList();
        Assert.All(ours, reference => Assert.Contains(reference, Allowed[name]));
    }

    [Theory]
    [InlineData("ContactCenter.Sip")]
    [InlineData("ContactCenter.Media")]
    [InlineData("ContactCenter.Board")]
    public void Library_UsesNoFrameworkBeyondLoggingAbstractions(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Serilog", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && r != "Microsoft.Extensions.Logging.Abstractions");
    }
}

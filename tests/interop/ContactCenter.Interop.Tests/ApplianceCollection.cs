using Xunit;

namespace ContactCenter.Interop.Tests;

/// <summary>Interop tests start real processes; on two cores they run one at a time so start-up stays well inside its timeout.</summary>
[CollectionDefinition(Name)]
public sealed class ApplianceCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "appliance process";
}

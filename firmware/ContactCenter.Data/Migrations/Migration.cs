namespace ContactCenter.Data.Migrations;

/// <summary>One schema step: after it runs, <c>PRAGMA user_version</c> is <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version this step produces (1, 2, 3 … without gaps).</param>
/// <param name="Name">What it does, for the log.</param>
/// <param name="Sql">The statements, run in one transaction together with the version bump.</param>
internal sealed record Migration(int Version, string Name, string Sql);

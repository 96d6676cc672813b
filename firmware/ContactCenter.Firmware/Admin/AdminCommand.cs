namespace ContactCenter.Firmware.Admin;

/// <summary>A parsed admin subcommand, or the usage error that stopped it.</summary>
internal sealed record AdminCommand
{
    /// <summary>What to do.</summary>
    public AdminVerb Verb { get; init; }

    /// <summary>The data directory (full path) from <c>--data</c>, <c>CONTACTCENTER_DATA</c> or the default.</summary>
    public string DataDirectory { get; init; } = "";

    /// <summary>The extension number, for the verbs that take one.</summary>
    public string? Number { get; init; }

    /// <summary><c>--name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>--password</c>; null means "generate one".</summary>
    public string? Password { get; init; }

    /// <summary><c>--email</c>.</summary>
    public string? Email { get; init; }

    /// <summary>The usage error, without the <c>error: </c> prefix; null when the command is good.</summary>
    public string? Error { get; init; }

    /// <summary>A usage error.</summary>
    public static AdminCommand Fail(string error) => new() { Error = error };
}

namespace ContactCenter.Firmware.Admin;

/// <summary>The admin subcommands of DESIGN.md "The command line".</summary>
internal enum AdminVerb
{
    /// <summary><c>users add NUMBER --name NAME [--password P] [--email E]</c>.</summary>
    UsersAdd,
    /// <summary><c>users list</c>.</summary>
    UsersList,
    /// <summary><c>users passwd NUMBER [--password P]</c>.</summary>
    UsersPasswd,
    /// <summary><c>users remove NUMBER</c>.</summary>
    UsersRemove,
    /// <summary><c>status</c>.</summary>
    Status,
    /// <summary>Print the subcommand usage.</summary>
    Help,
}

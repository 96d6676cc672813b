namespace ContactCenter.Data.Credentials;

/// <summary>Validation of admin input for extensions, shared by the CLI and the web UI. Each returns the problem, or null.</summary>
public static class CredentialRules
{
    /// <summary>The shortest password an admin may set by hand.</summary>
    public const int MinimumPasswordLength = 8;

    /// <summary>The longest display name.</summary>
    public const int MaximumNameLength = 100;

    /// <summary>An extension number: 2 to 10 ASCII digits.</summary>
    public static string? CheckNumber(string? number)
    {
        if (string.IsNullOrEmpty(number) || number.Length is < 2 or > 10 || !number.All(char.IsAsciiDigit))
        {
            return $"'{number}' is not an extension number (2 to 10 digits)";
        }

        return null;
    }

    /// <summary>A display name: not blank, no control characters, at most <see cref="MaximumNameLength"/> characters.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the name must not be empty";
        }

        if (name.Length > MaximumNameLength || name.Any(char.IsControl))
        {
            return $"the name must be at most {MaximumNameLength} printable characters";
        }

        return null;
    }

    /// <summary>An e-mail address (light check: one @ with text around it, no spaces).</summary>
    public static string? CheckEmail(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"'{email}' is not an e-mail address";
        }

        return null;
    }

    /// <summary>A password chosen by an admin: long enough, printable ASCII, and not the extension number.</summary>
    public static string? CheckPassword(string? password, string number)
    {
        if (password is null || password.Length < MinimumPasswordLength)
        {
            return $"the password must be at least {MinimumPasswordLength} characters";
        }

        if (!password.All(c => c is > ' ' and < '\x7f'))
        {
            return "the password must be printable ASCII without spaces (phones cannot type anything else)";
        }

        if (password.Contains(number, StringComparison.Ordinal))
        {
            return "the password must not contain the extension number";
        }

        return null;
    }
}

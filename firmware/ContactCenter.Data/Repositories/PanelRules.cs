using ContactCenter.Data.Credentials;

namespace ContactCenter.Data.Repositories;

/// <summary>
/// Validation of front-panel settings, shared by the repositories, the CLI and the web UI. Each returns the problem in
/// words, or null. The schema's CHECKs (step 4) are the backstop.
/// </summary>
public static class PanelRules
{
    /// <summary>The longest key id (board profile ids such as <c>key12</c>).</summary>
    public const int MaximumKeyIdLength = 32;

    /// <summary>The longest speed-dial number.</summary>
    public const int MaximumDialLength = 32;

    /// <summary>A key id: 1 to 32 ASCII letters, digits, <c>_</c> or <c>-</c>.</summary>
    public static string? CheckKeyId(string? keyId)
    {
        if (string.IsNullOrEmpty(keyId) || keyId.Length > MaximumKeyIdLength || !keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return $"'{keyId}' is not a key id (1 to {MaximumKeyIdLength} letters, digits, _ or -)";
        }

        return null;
    }

    /// <summary>A binding: a known action with the argument it needs (an extension or slot number, a number to dial, or none).</summary>
    public static string? CheckBinding(PanelKeyBinding? binding)
    {
        if (binding is null)
        {
            return "no binding given";
        }

        if (CheckKeyId(binding.KeyId) is { } badKey)
        {
            return badKey;
        }

        var key = $"key '{binding.KeyId}'";
        return binding.Action switch
        {
            PanelKeyAction.BusyLamp or PanelKeyAction.Park => CredentialRules.CheckNumber(binding.Argument) is { } bad
                ? $"{key}: {(binding.Action == PanelKeyAction.Park ? "park slot " : "")}{bad}"
                : null,
            PanelKeyAction.SpeedDial => CheckDialNumber(binding.Argument) is { } bad ? $"{key}: {bad}" : null,
            PanelKeyAction.DoNotDisturb or PanelKeyAction.NightMode or PanelKeyAction.QueueLogin => binding.Argument is null
                ? null
                : $"{key}: a {Codes.Of(binding.Action)} key takes no argument (got '{binding.Argument}')",
            _ => $"{key}: unknown key action {(int)binding.Action} (blf, park, dnd, night, queue or speed_dial)",
        };
    }

    /// <summary>A number to dial: digits, <c>*</c> and <c>#</c>, an optional leading <c>+</c>; 1 to 32 characters.</summary>
    public static string? CheckDialNumber(string? number)
    {
        if (string.IsNullOrEmpty(number) || number.Length > MaximumDialLength
            || number == "+" || !number.Select((c, i) => char.IsAsciiDigit(c) || c is '*' or '#' || (c == '+' && i == 0)).All(ok => ok))
        {
            return $"'{number}' is not a number to dial (digits, * and #, an optional leading +; at most {MaximumDialLength})";
        }

        return null;
    }
}

namespace ContactCenter.Interop.Tests;

/// <summary>baresip's answer to one control command.</summary>
/// <param name="Ok">Whether the command succeeded.</param>
/// <param name="Data">What the command printed (help text, the UA list…), or the error.</param>
public sealed record BaresipResponse(bool Ok, string Data);

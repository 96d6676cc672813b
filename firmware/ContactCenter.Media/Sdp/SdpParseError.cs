namespace ContactCenter.Media.Sdp;

/// <summary>The outcome of <see cref="SdpMessage.TryParse(string, out SdpMessage?, out SdpParseError)"/> when it fails.</summary>
/// <param name="Status">What was wrong.</param>
/// <param name="LineNumber">The 1-based line at fault, 0 when the body as a whole is at fault.</param>
public readonly record struct SdpParseError(SdpParseStatus Status, int LineNumber);

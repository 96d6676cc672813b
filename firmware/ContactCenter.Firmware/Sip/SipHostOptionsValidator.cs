using Microsoft.Extensions.Options;

namespace ContactCenter.Firmware.Sip;

/// <summary>Source-generated validation of <see cref="SipHostOptions"/> (STYLE.md §9).</summary>
[OptionsValidator]
internal sealed partial class SipHostOptionsValidator : IValidateOptions<SipHostOptions>;

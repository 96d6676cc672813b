namespace ContactCenter.Pbx.Attendant;

/// <summary>The receptionist the keys act for, and the switches only the database holds (night mode, queue login).</summary>
/// <param name="Receptionist">The receptionist's extension; null when none is configured.</param>
/// <param name="NightMode">Night mode is on.</param>
/// <param name="QueueLoggedIn">The receptionist is logged into the queues.</param>
public sealed record AttendantSwitches(string? Receptionist, bool NightMode, bool QueueLoggedIn);

namespace ContactCenter.Pbx.Attendant;

/// <summary>How a receptionist's key was pressed (the front panel's key engine decides: long is held past its threshold).</summary>
public enum AttendantPress
{
    /// <summary>A short press.</summary>
    Short,

    /// <summary>A long press (on a busy lamp during a call: attended transfer).</summary>
    Long,
}

using System.Runtime.InteropServices;

namespace ContactCenter.Board.Gpio.Native;

/// <summary><c>struct gpio_v2_line_event</c> of linux/gpio.h: one edge, as read from a line request's file descriptor.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal struct GpioV2LineEvent
{
    /// <summary>When the edge happened, CLOCK_MONOTONIC nanoseconds (the request sets no other clock).</summary>
    [FieldOffset(0)] public ulong TimestampNanoseconds;

    /// <summary><c>enum gpio_v2_line_event_id</c>: 1 rising, 2 falling.</summary>
    [FieldOffset(8)] public uint Id;

    /// <summary>Chip offset of the line.</summary>
    [FieldOffset(12)] public uint Offset;

    /// <summary>Sequence number across all lines of the request (a gap means events were dropped).</summary>
    [FieldOffset(16)] public uint Seqno;

    /// <summary>Sequence number on this line.</summary>
    [FieldOffset(20)] public uint LineSeqno;
}

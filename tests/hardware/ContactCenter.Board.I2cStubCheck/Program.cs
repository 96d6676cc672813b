// Inside the gpio-sim VM with i2c-dev and `i2c-stub chip_addr=0x20` loaded: opens the stub's bus through I2cDevice,
// programs it as an MCP23017 through Mcp23017Lines and reads every register back through the kernel; then plays the
// chip's part by writing its GPIO, INTF and INTCAP registers (i2c-stub is a plain register file: it cannot change a pin
// or raise an interrupt by itself) and checks the edges the driver derives from them.
// usage: ContactCenter.Board.I2cStubCheck BUS   (e.g. /dev/i2c-0, the adapter named "SMBus stub driver")
// Prints one "ok ..." line per check, "PASS" at the end; exit status 1 with a "FAIL ..." line otherwise.
using System.Globalization;
using System.Threading.Channels;
using ContactCenter.Board.Expander;
using ContactCenter.Board.Gpio;
using ContactCenter.Board.I2c;
using Microsoft.Extensions.Logging.Abstractions;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ContactCenter.Board.I2cStubCheck BUS");
    return 2;
}

string bus = args[0];
const int Address = 0x20;

// Keys to ground on GPA0, GPA1 and GPB1 (pin 9), an active-high input on GPB7 (pin 15), an LED on GPA4 and an
// active-low one on GPB4 (pin 12) that starts lit: the same panel as the unit tests' open sequence.
GpioLineSettings[] pins =
[
    Key(0),
    Key(1),
    Key(9),
    GpioLineSettings.Input(15) with { Bias = GpioBias.Disabled },
    GpioLineSettings.Output(4),
    GpioLineSettings.Output(12) with { ActiveLow = true, InitialHigh = true },
];
(int Register, byte Value, string Name)[] programmed =
[
    (0x00, 0b1110_1111, "IODIRA"), (0x01, 0b1110_1111, "IODIRB"), (0x02, 0b0000_0011, "IPOLA"), (0x03, 0b0000_0010, "IPOLB"),
    (0x04, 0b0000_0011, "GPINTENA"), (0x05, 0b1000_0010, "GPINTENB"), (0x06, 0, "DEFVALA"), (0x07, 0, "DEFVALB"),
    (0x08, 0, "INTCONA"), (0x09, 0, "INTCONB"), (0x0A, 0x40, "IOCON"), (0x0C, 0b0000_0011, "GPPUA"), (0x0D, 0b0000_0010, "GPPUB"),
    (0x14, 0, "OLATA"), (0x15, 0, "OLATB"),
];

try
{
    using I2cDevice probe = I2cDevice.Open(bus, Address);
    Check(probe.Name == $"0x20 on {bus}", $"I2cDevice opened {probe.Name} (I2C_FUNCS has byte-data and I2C-block, I2C_SLAVE taken)");

    // The configuration registers start as garbage, as on a chip left programmed by someone else (not BANK = 1:
    // i2c-stub cannot move its registers); the pins (GPIO) and interrupt registers start idle.
    byte[] garbage = new byte[0x16];
    Array.Fill(garbage, (byte)0x5A);
    probe.WriteRegisters(0x00, garbage);
    probe.WriteRegisters(0x0E, [0, 0, 0, 0, 0, 0]);

    var interrupts = Channel.CreateUnbounded<GpioEdge>();
    // No watchdog: i2c-stub cannot clear INTF when INTCAP is read, as the chip does, so a watchdog read would take the
    // stub's old capture for a new one.
    using (var lines = new Mcp23017Lines(I2cDevice.Open(bus, Address), pins, interrupts.Reader, TimeProvider.System,
        NullLogger<Mcp23017Lines>.Instance, Mcp23017Lines.DefaultPollInterval, Timeout.InfiniteTimeSpan))
    {
        byte[] block = new byte[0x16];
        probe.ReadRegisters(0x00, block);
        foreach ((int register, byte value, string name) in programmed)
        {
            byte single = ReadOne(probe, register);
            Check(block[register] == value && single == value,
                string.Create(CultureInfo.InvariantCulture, $"{name} (0x{register:x2}) reads back 0x{value:x2} (I2C block read 0x{block[register]:x2}, byte read 0x{single:x2})"));
        }

        lines.SetOutput(4, true);
        lines.SetOutput(12, false);
        Check(ReadOne(probe, 0x14) == 0x10 && ReadOne(probe, 0x15) == 0x10, "SetOutput(4, on) sets OLATA bit 4; SetOutput(12, off) on the active-low LED sets OLATB bit 4");
        lines.SetOutput(4, false);
        Check(ReadOne(probe, 0x14) == 0x00 && ReadOne(probe, 0x15) == 0x10, "SetOutput(4, off) clears OLATA bit 4 and leaves OLATB alone (shadow, no read-modify-write)");

        // The chip's part: key 1 went down (INTFA, INTCAPA captured it) and was let go before the read (GPIOA).
        probe.WriteRegisters(0x0E, [0b0000_0010, 0x00, 0b0000_0010, 0x00, 0x00, 0x00]);
        long interruptAt = TimeProvider.System.GetTimestamp();
        interrupts.Writer.TryWrite(new GpioEdge(4, GpioEdgeKind.Rising, interruptAt));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        GpioEdge press = await lines.Edges.ReadAsync(timeout.Token);
        GpioEdge release = await lines.Edges.ReadAsync(timeout.Token);
        Check(press == new GpioEdge(1, GpioEdgeKind.Rising, interruptAt), $"an interrupt reads INTF+INTCAP+GPIO in one transfer: the captured press at the interrupt's time ({press})");
        Check(release.Line == 1 && release.Kind == GpioEdgeKind.Falling && release.Timestamp >= interruptAt, $"then the release GPIO shows since ({release})");
    }

    using (var polled = Mcp23017Lines.Open(bus, Address, pins, null, TimeProvider.System, NullLogger<Mcp23017Lines>.Instance))
    {
        Check(ReadOne(probe, 0x04) == 0 && ReadOne(probe, 0x05) == 0, "without an interrupt line GPINTENA/B are 0");
        probe.WriteRegisters(0x13, [0b1000_0000]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        GpioEdge rising = await polled.Edges.ReadAsync(timeout.Token);
        Check(rising.Line == 15 && rising.Kind == GpioEdgeKind.Rising, $"polling GPIO sees GPB7 go high ({rising})");
    }

    using (I2cDevice absent = I2cDevice.Open(bus, 0x21))
    {
        try
        {
            ReadOne(absent, 0x12);
            Check(false, "a transfer to an address without a chip fails");
        }
        catch (I2cException e)
        {
            Check(e.Message.StartsWith($"cannot read register 0x12 of I2C chip 0x21 on {bus}: ", StringComparison.Ordinal),
                $"a transfer to an address without a chip fails, naming it: {e.Message} (errno {e.Errno})");
        }
    }

    Console.WriteLine("PASS");
    return 0;
}
catch (CheckFailedException e)
{
    Console.WriteLine($"FAIL {e.Message}");
    return 1;
}

static GpioLineSettings Key(int pin) => GpioLineSettings.Input(pin) with { Bias = GpioBias.PullUp, ActiveLow = true };

static byte ReadOne(II2cDevice device, int register)
{
    Span<byte> value = stackalloc byte[1];
    device.ReadRegisters((byte)register, value);
    return value[0];
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new CheckFailedException(what);
    }

    Console.WriteLine($"ok {what}");
}

internal sealed class CheckFailedException(string message) : Exception(message);

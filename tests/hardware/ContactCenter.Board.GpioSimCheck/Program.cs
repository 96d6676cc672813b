// Inside the gpio-sim VM: drives ChardevGpioLines against the kernel's gpio-sim chip and checks each effect through
// gpio-sim's sysfs (what the chip sees on an output; the pull that stands for a key's contact).
// usage: ContactCenter.Board.GpioSimCheck CHIP_DEVICE SYSFS_DIR   (as printed by gpio-sim-setup.sh)
// The chip's lines are named led, led-inverted, key (gpio-sim-setup.sh NAME 3 led led-inverted key).
// Prints one "ok ..." line per check, "PASS" at the end; exit status 1 with a "FAIL ..." line otherwise.
using ContactCenter.Board.Gpio;
using Microsoft.Extensions.Logging.Abstractions;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ContactCenter.Board.GpioSimCheck CHIP_DEVICE SYSFS_DIR");
    return 2;
}

string chipPath = args[0];
string sysfs = args[1];
const string Consumer = "gpiosimcheck";
try
{
    int led, ledInverted, key;
    using (GpioChip chip = GpioChip.Open(chipPath))
    {
        led = chip.FindLine("led");
        ledInverted = chip.FindLine("led-inverted");
        key = chip.FindLine("key");
        Check(chip.LineCount == 3 && led >= 0 && ledInverted >= 0 && key >= 0, $"chip {chip.Name} ({chip.Label}) has {chip.LineCount} lines: led {led}, led-inverted {ledInverted}, key {key}");
    }

    GpioLineSettings[] lines =
    [
        GpioLineSettings.Output(led),
        GpioLineSettings.Output(ledInverted) with { ActiveLow = true },
        GpioLineSettings.Input(key) with { Bias = GpioBias.PullUp, ActiveLow = true, Debounce = TimeSpan.FromMilliseconds(1) },
    ];
    using (ChardevGpioLines panel = ChardevGpioLines.Open(chipPath, lines, Consumer, NullLogger<ChardevGpioLines>.Instance))
    {
        Check(Sim(led, "value") == "0" && Sim(ledInverted, "value") == "1", "outputs start logically low (the inverted one electrically high)");
        panel.SetOutput(led, true);
        panel.SetOutput(ledInverted, true);
        Check(Sim(led, "value") == "1" && Sim(ledInverted, "value") == "0", "SetOutput high drives led to 1 and led-inverted to 0 (sysfs)");
        Check(panel.GetOutput(led) && panel.GetOutput(ledInverted), "GET_VALUES reads both back as logically high");
        panel.SetOutput(led, false);
        Check(Sim(led, "value") == "0", "SetOutput low drives led back to 0 (sysfs)");

        using (GpioChip chip = GpioChip.Open(chipPath))
        {
            GpioLineInfo info = chip.GetLineInfo(key);
            Check(info.Used && info.Consumer == Consumer && info.Direction == GpioDirection.Input && info.ActiveLow,
                $"line info of key: used by \"{info.Consumer}\", {info.Direction}, active-low {info.ActiveLow}");
            Check(info.Debounce == TimeSpan.FromMilliseconds(1), $"line info of key shows the kernel debounce ({info.Debounce.TotalMicroseconds} us)");
            try
            {
                chip.RequestLines("intruder", [GpioLineSettings.Output(led)]).Dispose();
                Check(false, "a second request for a held line is refused");
            }
            catch (GpioException e)
            {
                Check(e.Message == $"line {led} of {chip.Name} is busy (used by \"{Consumer}\")", $"a second request for a held line is refused: {e.Message}");
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        File.WriteAllText(Path.Combine(sysfs, $"sim_gpio{key}", "pull"), "pull-down");
        GpioEdge press = await panel.Edges.ReadAsync(timeout.Token);
        Check(press.Line == key && press.Kind == GpioEdgeKind.Rising, $"pull-down on the active-low key arrives as a rising edge: {press}");
        File.WriteAllText(Path.Combine(sysfs, $"sim_gpio{key}", "pull"), "pull-up");
        GpioEdge release = await panel.Edges.ReadAsync(timeout.Token);
        Check(release.Line == key && release.Kind == GpioEdgeKind.Falling && release.Timestamp > press.Timestamp,
            $"pull-up again arrives as a falling edge, later: {release}");
        TimeSpan age = TimeProvider.System.GetElapsedTime(release.Timestamp);
        Check(age >= TimeSpan.Zero && age < TimeSpan.FromSeconds(20), $"edge timestamps are on TimeProvider.System's clock (release seen {age.TotalMilliseconds:F1} ms ago)");
    }

    Console.WriteLine("PASS");
    return 0;
}
catch (CheckFailedException e)
{
    Console.WriteLine($"FAIL {e.Message}");
    return 1;
}

string Sim(int line, string attribute) => File.ReadAllText(Path.Combine(sysfs, $"sim_gpio{line}", attribute)).Trim();

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new CheckFailedException(what);
    }

    Console.WriteLine($"ok {what}");
}

internal sealed class CheckFailedException(string message) : Exception(message);

using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Board.Hardware.Tests;

/// <summary>
/// The chardev backend against the kernel's real GPIO driver (issue #5 §1): publishes
/// tests/hardware/ContactCenter.Board.GpioSimCheck and runs it in the gpio-sim VM of shared/tools/gpio-vm, where it
/// requests lines, sets LED lines and reads them through gpio-sim's sysfs, and flips a key line's pull to receive the
/// edges. About 20 s warm (publish ~15 s, VM ~6 s under TCG); the first run on a machine also builds gpio-sim.ko.
/// </summary>
[Trait("Category", "Hardware")]
public class GpioSimTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChardevBackend_DrivesLedsAndReceivesKeyEdges_OnTheKernelsGpioSim()
    {
        var steps = new VmSteps(output);
        string vmTools = steps.VmTools;
        string work = Directory.CreateTempSubdirectory("gpiosim-check.").FullName;
        try
        {
            await steps.RunAsync(Path.Combine(vmTools, "prepare-kernel.sh"), []);
            (string check, List<string> vmArgs) = await steps.PublishCheckAsync("ContactCenter.Board.GpioSimCheck", work);
            string setup = Path.Combine(vmTools, "gpio-sim-setup.sh");
            vmArgs.InsertRange(0, ["-t", "300", "-l", setup]);

            // The payload is merged into the guest's /.
            vmArgs.AddRange([Path.Combine(work, "payload"), "-c", $"eval \"$({setup} panel 3 led led-inverted key)\" && {check} \"$CHIP\" \"$SYSFS\""]);
            string result = await steps.RunAsync(Path.Combine(vmTools, "run-in-vm.sh"), vmArgs);

            Assert.Contains("ok SetOutput high drives led to 1 and led-inverted to 0 (sysfs)", result, StringComparison.Ordinal);
            Assert.Contains("ok line info of key shows the kernel debounce (1000 us)", result, StringComparison.Ordinal);
            Assert.Contains("is busy (used by \"gpiosimcheck\")", result, StringComparison.Ordinal);
            Assert.Contains("ok pull-down on the active-low key arrives as a rising edge", result, StringComparison.Ordinal);
            Assert.Contains("ok pull-up again arrives as a falling edge, later", result, StringComparison.Ordinal);
            Assert.EndsWith("PASS", result.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Board.Hardware.Tests;

/// <summary>
/// The i2c-dev interop and the MCP23017 driver against the kernel's own I2C stack (issue #5 §1): publishes
/// tests/hardware/ContactCenter.Board.I2cStubCheck and runs it in the gpio-sim VM with Debian's i2c-dev and
/// <c>i2c-stub chip_addr=0x20</c> loaded (prepare-i2c-modules.sh takes them from the VM kernel's own package). The check
/// programs the stub as an MCP23017 through <c>/dev/i2c-N</c> and reads every register back. i2c-stub is a plain
/// register file: it cannot change a pin or raise an interrupt, so the check writes GPIO, INTF and INTCAP itself and
/// feeds the interrupt edge; the chip's own interrupt logic is covered by the unit tests' register-file fake.
/// About 20 s warm (publish ~15 s, VM ~6 s under TCG).
/// </summary>
[Trait("Category", "Hardware")]
public class I2cStubTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mcp23017Driver_ProgramsAndReadsAChip_ThroughTheKernelsI2cDev_OnI2cStub()
    {
        var steps = new VmSteps(output);
        string vmTools = steps.VmTools;
        string work = Directory.CreateTempSubdirectory("i2cstub-check.").FullName;
        try
        {
            await steps.RunAsync(Path.Combine(vmTools, "prepare-kernel.sh"), []);
            string modules = (await steps.RunAsync(Path.Combine(steps.Repository, "tests", "hardware", "prepare-i2c-modules.sh"), [])).Trim();
            string payloadModules = Path.Combine(work, "payload", "opt", "i2c");
            Directory.CreateDirectory(payloadModules);
            foreach (string module in new[] { "i2c-dev.ko", "i2c-stub.ko" })
            {
                File.Copy(Path.Combine(modules, module), Path.Combine(payloadModules, module));
            }

            (string check, List<string> vmArgs) = await steps.PublishCheckAsync("ContactCenter.Board.I2cStubCheck", work);
            vmArgs.InsertRange(0, ["-t", "300"]);

            // The stub's bus is the i2c-dev node whose adapter is named "SMBus stub driver".
            const string FindBus = "for d in /sys/class/i2c-dev/*; do grep -qx 'SMBus stub driver' \"$d/name\" && bus=/dev/${d##*/}; done; echo \"bus $bus\"";
            vmArgs.AddRange([Path.Combine(work, "payload"), "-c",
                $"insmod /opt/i2c/i2c-dev.ko && insmod /opt/i2c/i2c-stub.ko chip_addr=0x20 && {FindBus} && {check} \"$bus\""]);
            string result = await steps.RunAsync(Path.Combine(vmTools, "run-in-vm.sh"), vmArgs);

            Assert.Contains("ok I2cDevice opened 0x20 on /dev/i2c-", result, StringComparison.Ordinal);
            Assert.Contains("ok IOCON (0x0a) reads back 0x40", result, StringComparison.Ordinal);
            Assert.Contains("ok GPINTENB (0x05) reads back 0x82", result, StringComparison.Ordinal);
            Assert.Contains("ok SetOutput(4, off) clears OLATA bit 4 and leaves OLATB alone", result, StringComparison.Ordinal);
            Assert.Contains("ok an interrupt reads INTF+INTCAP+GPIO in one transfer", result, StringComparison.Ordinal);
            Assert.Contains("ok polling GPIO sees GPB7 go high", result, StringComparison.Ordinal);
            Assert.Contains("ok a transfer to an address without a chip fails, naming it", result, StringComparison.Ordinal);
            Assert.EndsWith("PASS", result.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

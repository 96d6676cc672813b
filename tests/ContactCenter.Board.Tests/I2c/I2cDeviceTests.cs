using System.Runtime.InteropServices;
using ContactCenter.Board.I2c;
using ContactCenter.Board.I2c.Native;
using Xunit;

namespace ContactCenter.Board.Tests.I2c;

public class I2cDeviceTests
{
    [Fact]
    public void SmbusStructs_HaveTheKernelsLayout()
    {
        // struct i2c_smbus_ioctl_data: __u8 read_write, __u8 command, __u32 size, union i2c_smbus_data *data.
        Assert.Equal(0, Marshal.OffsetOf<I2cDev.I2cSmbusIoctlData>(nameof(I2cDev.I2cSmbusIoctlData.ReadWrite)));
        Assert.Equal(1, Marshal.OffsetOf<I2cDev.I2cSmbusIoctlData>(nameof(I2cDev.I2cSmbusIoctlData.Command)));
        Assert.Equal(4, Marshal.OffsetOf<I2cDev.I2cSmbusIoctlData>(nameof(I2cDev.I2cSmbusIoctlData.Size)));
        Assert.Equal(8, Marshal.OffsetOf<I2cDev.I2cSmbusIoctlData>(nameof(I2cDev.I2cSmbusIoctlData.Data)));
        Assert.Equal(8 + IntPtr.Size, Marshal.SizeOf<I2cDev.I2cSmbusIoctlData>());

        // union i2c_smbus_data: block[I2C_SMBUS_BLOCK_MAX + 2].
        Assert.Equal(34, Marshal.SizeOf<I2cDev.I2cSmbusData>());
    }

    [Fact]
    public void OpeningAMissingBus_SaysWhichPathAndWhy()
    {
        I2cException e = Assert.Throws<I2cException>(() => I2cDevice.Open("/dev/i2c-none", 0x20));

        Assert.Equal(2, e.Errno); // ENOENT
        Assert.StartsWith("cannot open I2C bus /dev/i2c-none: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpeningAFileThatIsNoBus_SaysItIsNotAnI2cBus()
    {
        I2cException e = Assert.Throws<I2cException>(() => I2cDevice.Open("/dev/null", 0x20));

        Assert.Equal(25, e.Errno); // ENOTTY: I2C_FUNCS is not for this device
        Assert.StartsWith("/dev/null is not an I2C bus: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x78)]
    public void AddressOutsideTheSevenBitDeviceRange_IsRefused(int address)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => I2cDevice.Open("/dev/null", address));
    }

    [Fact]
    public void Refusals_NameTheChipAndTheReason()
    {
        const int RemoteIoError = 121;

        Assert.Equal("0x20 on /dev/i2c-1", I2cErrors.DeviceName("/dev/i2c-1", 0x20));
        Assert.Equal("cannot read register 0x0e of I2C chip 0x20 on /dev/i2c-1: Remote I/O error",
            I2cErrors.SystemCall("cannot read register 0x0e of I2C chip 0x20 on /dev/i2c-1", RemoteIoError).Message);
        Assert.Equal("I2C chip 0x21 on /dev/i2c-1 is busy: a kernel driver is bound to that address (unbind it or remove its device-tree overlay)",
            I2cErrors.AddressBusy("0x21 on /dev/i2c-1").Message);
        Assert.Equal("I2C adapter /dev/i2c-0 cannot do SMBus byte-data and I2C-block transfers (functions 0x0c000000 missing)",
            I2cErrors.MissingFunctions("/dev/i2c-0", I2cDev.FunctionReadI2cBlock | I2cDev.FunctionWriteI2cBlock).Message);
    }
}

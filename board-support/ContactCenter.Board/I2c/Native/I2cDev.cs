using System.Runtime.InteropServices;

namespace ContactCenter.Board.I2c.Native;

/// <summary>
/// The i2c-dev uAPI (linux/i2c-dev.h, linux/i2c.h): ioctl numbers, the functionality bits the driver needs and the
/// <c>I2C_SMBUS</c> transfer kinds. These ioctls are plain numbers (no _IOC encoding), the same on every architecture.
/// </summary>
internal static class I2cDev
{
    /// <summary><c>I2C_SLAVE</c>: the address later transfers go to; refused (EBUSY) when a kernel driver owns it.</summary>
    public const nuint SlaveIoctl = 0x0703;

    /// <summary><c>I2C_FUNCS</c>: the adapter's functionality bits, into an <c>unsigned long</c>.</summary>
    public const nuint FunctionsIoctl = 0x0705;

    /// <summary><c>I2C_SMBUS</c>: one SMBus transfer described by <see cref="I2cSmbusIoctlData"/>.</summary>
    public const nuint SmbusIoctl = 0x0720;

    /// <summary><c>I2C_FUNC_SMBUS_READ_BYTE_DATA</c>.</summary>
    public const ulong FunctionReadByteData = 0x0008_0000;

    /// <summary><c>I2C_FUNC_SMBUS_WRITE_BYTE_DATA</c>.</summary>
    public const ulong FunctionWriteByteData = 0x0010_0000;

    /// <summary><c>I2C_FUNC_SMBUS_READ_I2C_BLOCK</c>.</summary>
    public const ulong FunctionReadI2cBlock = 0x0400_0000;

    /// <summary><c>I2C_FUNC_SMBUS_WRITE_I2C_BLOCK</c>.</summary>
    public const ulong FunctionWriteI2cBlock = 0x0800_0000;

    /// <summary><c>I2C_SMBUS_WRITE</c>.</summary>
    public const byte Write = 0;

    /// <summary><c>I2C_SMBUS_READ</c>.</summary>
    public const byte Read = 1;

    /// <summary><c>I2C_SMBUS_BYTE_DATA</c>: [addr+W, command, data] or [addr+W, command, Sr, addr+R, data].</summary>
    public const uint ByteData = 2;

    /// <summary><c>I2C_SMBUS_I2C_BLOCK_DATA</c>: like byte data with <c>block[0]</c> bytes (no length byte on the wire).</summary>
    public const uint I2cBlockData = 8;

    /// <summary><c>I2C_SMBUS_BLOCK_MAX</c>: the most bytes one block transfer carries.</summary>
    public const int BlockMax = 32;

    /// <summary><c>struct i2c_smbus_ioctl_data</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct I2cSmbusIoctlData
    {
        /// <summary><see cref="Read"/> or <see cref="Write"/>.</summary>
        public byte ReadWrite;

        /// <summary>The command byte: the register number.</summary>
        public byte Command;

        /// <summary>The transfer kind (<see cref="ByteData"/>, <see cref="I2cBlockData"/>).</summary>
        public uint Size;

        /// <summary>The <c>union i2c_smbus_data</c> the kernel reads from or fills.</summary>
        public I2cSmbusData* Data;
    }

    /// <summary>
    /// <c>union i2c_smbus_data</c>: 34 bytes (<c>block[I2C_SMBUS_BLOCK_MAX + 2]</c>); <c>byte</c> is its first byte,
    /// and in a block transfer the first byte is the length and the data follows.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Size = BlockMax + 2)]
    public unsafe struct I2cSmbusData
    {
        /// <summary>The union's bytes.</summary>
        public fixed byte Block[BlockMax + 2];
    }
}

#!/usr/bin/env bash
# prepare-i2c-modules.sh — prints a directory holding i2c-dev.ko and i2c-stub.ko for the kernel that
# ../shared/tools/gpio-vm boots (the ABI its prepare-kernel.sh recorded). Debian's kernel builds I2C in
# (CONFIG_I2C=y) and ships both as modules (CONFIG_I2C_CHARDEV=m, CONFIG_I2C_STUB=m) that depend on nothing else,
# so they come straight out of the same linux-image package: the VM's module list is extended by the test's payload
# (the guest insmods them), leaving the shared kernel directory untouched.
# Cached beside the kernel directory in i2c-modules/<abi>/; the first run downloads the package (~70 MB, apt, root).
set -euo pipefail
kdir=${HIL_KERNEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/contactcenter-gpio-vm/kernel}
[ -f "$kdir/ABI" ] || { echo "prepare-i2c-modules: no $kdir/ABI (run gpio-vm/prepare-kernel.sh first)" >&2; exit 1; }
abi=$(cat "$kdir/ABI")
out=$(dirname "$kdir")/i2c-modules/$abi
if [ -f "$out/i2c-dev.ko" ] && [ -f "$out/i2c-stub.ko" ]; then
  echo "$out"; exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/prepare-i2c-modules.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && apt-get download "linux-image-$abi" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true ) >&2
deb=$(ls "$tmp"/linux-image-"$abi"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "prepare-i2c-modules: could not download linux-image-$abi" >&2; exit 1; }
modules=./lib/modules/$abi/kernel/drivers/i2c
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" "$modules/i2c-dev.ko" "$modules/i2c-stub.ko" \
  || { echo "prepare-i2c-modules: linux-image-$abi has no i2c-dev.ko or i2c-stub.ko" >&2; exit 1; }
mkdir -p "$out"
cp "$tmp/$modules/i2c-dev.ko" "$tmp/$modules/i2c-stub.ko" "$out/"
echo "$out"

#!/bin/sh
# Runs inside the test guest: the bundle's own bind and restore scripts on the e1000e at
# 0000:01:01.0, which shares its IOMMU group with the e1000 at 0000:01:02.0 and the
# PCIe-to-PCI bridge they sit behind. Prints "QN: ..." lines for the test to read.
dev=0000:01:01.0 peer=0000:01:02.0
pci=/sys/bus/pci
driver() { l=$(readlink "$pci/devices/$1/driver") && basename "$l" || echo none; }
state() { echo "$(driver "$1") $(cat "$pci/devices/$1/driver_override")"; }
both() { echo "$dev=$(state $dev) $peer=$(state $peer)"; }
say() { echo "QN: $*"; }
bind() { { bash /bundle/bind-vfio-nic81.sh; echo "exit $?"; } 2>&1 | sed "s/^/QN: $1> /"; }
restore() { { bash /bundle/restore-vfio-nic81.sh; echo "exit $?"; } 2>&1 | sed "s/^/QN: $1> /"; }

say "group: $(ls "$pci/devices/$dev/iommu_group/devices" | tr '\n' ' ')"
say "driver before: $(driver $dev)"
say "before: $(both)"

# 1. bind the group, bind again, restore
bind bind
say "driver after bind: $(driver $dev)"
say "after bind: $(both)"
group=$(basename "$(readlink "$pci/devices/$dev/iommu_group")")
if [ -c "/dev/vfio/$group" ]; then say "dev vfio $group present"; else say "dev vfio $group missing"; fi
bind bind-again
restore restore
say "driver after restore: $(driver $dev)"
say "driver_override after restore: $(cat $pci/devices/$dev/driver_override)"
say "after restore: $(both)"

# 2. the operator put the e1000 on vfio-pci before (as driverctl set-override does):
#    bind leaves it, restore leaves it, and restore still succeeds
echo vfio-pci >"$pci/devices/$peer/driver_override"
echo $peer >"$pci/devices/$peer/driver/unbind"
echo $peer >"$pci/drivers_probe"
say "operator's: $(both)"
bind bind-op
restore restore-op
say "after restore-op: $(both)"
echo >"$pci/devices/$peer/driver_override"
echo $peer >"$pci/drivers/vfio-pci/unbind"
echo $peer >"$pci/drivers_probe"
say "reset: $(both)"

# 3. the give-back itself fails: the kernel's probe and the e1000e's bind refuse writes
mount --bind /dev/full "$pci/drivers_probe"
mount --bind /dev/full "$pci/drivers/e1000e/bind"
bind bind-blocked
say "after bind-blocked: $(both)"
if [ -f /run/qemu-netgen/passthrough/nic81.vfio ]; then say "record kept: $(cat /run/qemu-netgen/passthrough/nic81.vfio | tr '\n' ';')"; else say "record gone"; fi
umount "$pci/drivers/e1000e/bind"
umount "$pci/drivers_probe"
restore restore-after-blocked
say "after restore-after-blocked: $(both)"
if [ -f /run/qemu-netgen/passthrough/nic81.vfio ]; then say "record still there"; else say "record gone after restore"; fi

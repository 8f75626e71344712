#!/bin/sh
# Runs inside the test guest: the bundle's own bind and restore scripts on the e1000e at
# 0000:00:03.0. Prints "QN: ..." lines; exits non-zero on the first surprise.
dev=0000:00:03.0
driver() { l=$(readlink "/sys/bus/pci/devices/$dev/driver") && basename "$l" || echo none; }
say() { echo "QN: $*"; }
say "driver before: $(driver)"
bash /bundle/bind-vfio-nic81.sh 2>&1 | sed 's/^/QN: bind> /'
say "driver after bind: $(driver)"
group=$(basename "$(readlink "/sys/bus/pci/devices/$dev/iommu_group")")
if [ -c "/dev/vfio/$group" ]; then say "dev vfio $group present"; else say "dev vfio $group missing"; fi
bash /bundle/bind-vfio-nic81.sh 2>&1 | sed 's/^/QN: bind-again> /'
bash /bundle/restore-vfio-nic81.sh 2>&1 | sed 's/^/QN: restore> /'
say "driver after restore: $(driver)"
say "driver_override after restore: $(cat /sys/bus/pci/devices/$dev/driver_override)"

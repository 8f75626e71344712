#!/bin/sh
# PID 1 of the system tier's test guest (busybox ash). Its task comes from the kernel
# command line:
#   qn.mode=dhcp     DHCP on eth0, then ping qn.ping (comma-separated; default: the router;
#                    none: no ping), then with qn.connect=IP:PORT send a line there and show
#                    the reply, then with qn.serve=PORT answer one connection on that port
#   qn.mode=script   run qn.script (a path inside the image)
#   qn.mode=idle     say READY and run until the ACPI power button is pressed (QMP
#                    system_powerdown), then power off; with qn.acpi=ignore, run until killed
# Lines for the test start with "QN: "; the last is "QN: RESULT PASS" or "QN: RESULT FAIL".
/bin/busybox mkdir -p /proc /sys /dev /tmp /run /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd  # bash's <(...) needs it, as on any host
say() { echo "QN: $*"; }

mode=dhcp ping_targets="" script="" acpi=handle connect="" serve=""
for word in $(cat /proc/cmdline); do
    case $word in
        qn.acpi=*) acpi=${word#qn.acpi=} ;;
        qn.mode=*) mode=${word#qn.mode=} ;;
        qn.ping=*) ping_targets=$(echo "${word#qn.ping=}" | tr ',' ' ') ;;
        qn.script=*) script=${word#qn.script=} ;;
        qn.connect=*) connect=${word#qn.connect=} ;;
        qn.serve=*) serve=${word#qn.serve=} ;;
    esac
done

while read -r module; do
    [ -n "$module" ] && { insmod "/lib/modules/$module" || say "insmod failed: $module"; }
done </modules.list

finish() {
    say "RESULT $1"
    sync
    poweroff -f
}

dhcp() {
    ip link set lo up
    i=0
    while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do usleep 100000; i=$((i + 1)); done
    ip link set eth0 up
    say "mac $(cat /sys/class/net/eth0/address)"
    udhcpc -i eth0 -s /etc/udhcpc.script -n -q -t 10 -T 1 -A 1 || { say "no lease"; return 1; }
    . /tmp/lease
    say "LEASE ip=$ip router=$router"
    [ -n "$ping_targets" ] || ping_targets=$router
    [ "$ping_targets" != none ] || ping_targets=""
    for target in $ping_targets; do
        if ping -c 3 -A -W 2 -w 6 "$target" >/dev/null 2>&1; then say "PING $target ok"; else say "PING $target failed"; return 1; fi
    done
    if [ -n "$connect" ]; then
        # the line's writer stays a while, so that nc does not half-close before the reply:
        # passt before 2025 drops a connection the guest half-closed early (no FIN follows)
        reply=$({ echo "hello from the guest"; sleep 3; } | nc -w 5 "${connect%:*}" "${connect#*:}") || { say "CONNECT $connect failed"; return 1; }
        say "CONNECT $connect reply=$reply"
    fi
    if [ -n "$serve" ]; then
        printf '#!/bin/sh\nread -r line\necho "the guest got: $line"\n' >/tmp/answer
        chmod +x /tmp/answer
        say "SERVING $serve"
        nc -l -p "$serve" -e /tmp/answer || { say "SERVE failed"; return 1; }
        say "SERVED"
    fi
}

# idle: wait for a press of the power button (an input device of the kernel's ACPI button
# driver; reading its event device blocks until a key event arrives)
idle() {
    found=0
    for d in /sys/class/input/event*; do
        [ "$(cat "$d/device/name" 2>/dev/null)" = "Power Button" ] || continue
        found=1
        (dd if="/dev/input/${d##*/}" bs=24 count=1 >/dev/null 2>&1 && : >/tmp/pressed) &
    done
    [ $found = 1 ] || { say "no power button"; return 1; }
    if [ "$acpi" = ignore ]; then say READY; while :; do sleep 3600; done; fi
    say READY
    while [ ! -e /tmp/pressed ]; do usleep 100000; done
    say POWER-BUTTON
}

case $mode in
    idle) if idle; then finish PASS; else finish FAIL; fi ;;
    dhcp) if dhcp; then finish PASS; else finish FAIL; fi ;;
    script) if sh "$script"; then finish PASS; else finish FAIL; fi ;;
    *) say "unknown mode $mode"; finish FAIL ;;
esac

#!/bin/sh
# busybox udhcpc hook for the test guest: configure eth0, remember the lease.
case $1 in
    deconfig) ip -4 addr flush dev "$interface"; ip link set "$interface" up ;;
    bound|renew)
        ip -4 addr flush dev "$interface"
        ip addr add "$ip/${mask:-24}" dev "$interface"
        [ -z "$router" ] || ip route replace default via "${router%% *}" dev "$interface"
        echo "ip=$ip router=${router%% *}" >/tmp/lease
        ;;
esac
exit 0

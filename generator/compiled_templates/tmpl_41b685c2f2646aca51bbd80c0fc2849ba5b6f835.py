from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'preflight.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    try:
        t_2 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    try:
        t_3 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    try:
        t_4 = environment.filters['shq']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'shq' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'preflight.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'preflight.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Read-only checks of this host before anything of bundle ', environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'name'), ' is applied.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'preflight.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'set -euo pipefail\n# Every check below runs whatever the one before found: a check reports, it never exits.\n\nPROG=${0##*/}\nDRY_RUN=0\n# Tests point these at prepared trees; on a host they are /sys, /proc and /dev.\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'reads_sysfs'):
        pass
        yield 'SYS=${QEMU_NETGEN_SYSFS:-/sys}\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'reads_procfs'):
        pass
        yield 'PROC=${QEMU_NETGEN_PROCFS:-/proc}\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'checks_devices'):
        pass
        yield 'DEVFS=${QEMU_NETGEN_DEVFS:-/dev}\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'libvirt_nets'):
        pass
        yield 'LIBVIRT_NETWORK_CONF=${QEMU_NETGEN_LIBVIRT_NETWORK_CONF:-/etc/libvirt/network.conf}\nRESOLV_CONF=${QEMU_NETGEN_RESOLV_CONF:-/etc/resolv.conf}\nFIREWALLD_CONF=${QEMU_NETGEN_FIREWALLD_CONF:-/etc/firewalld/firewalld.conf}\nUFW_DEFAULTS=${QEMU_NETGEN_UFW_DEFAULTS:-/etc/default/ufw}\n'
    yield 'passed=0 warned=0 failed=0\n\npass() { printf \'PASS  %s\\n\' "$*"; passed=$((passed + 1)); }\nwarn() { printf \'WARN  %s\\n\' "$*"; warned=$((warned + 1)); }\nfail() { printf \'FAIL  %s\\n\' "$*"; failed=$((failed + 1)); }\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nChecks, without changing anything, what this bundle needs and what could go wrong on\nthis host. One line per check: PASS, WARN (works, but read the advice) or FAIL (fix it\nfirst). Exits 1 if anything failed. Run it as root to see the firewall too.\n  -n, --dry-run  the same checks (this script never changes anything)\nUSAGE\n}\nusage_error() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; usage >&2; exit 2; }\n'
    def macro():
        t_5 = []
        pass
        return concat(t_5)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '(( ! DRY_RUN )) || printf \'%s: --dry-run: the same read-only checks\\n\' "$PROG" >&2\n\n'
    if (environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'bridges') or environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'passthroughs')):
        pass
        template = environment.get_template('common/net.sh.j2', 'preflight.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        template = environment.get_template('common/cutoff.sh.j2', 'preflight.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n# --- commands --------------------------------------------------------------------------\ncommands=('
    yield str(t_3(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'commands')))
    yield ')\nfor command in "${commands[@]}"; do\n  if command -v "$command" >/dev/null 2>&1; then\n    pass "command $command"\n  else\n    fail "command $command not found: install the packages in README.md, \'Packages\'"\n  fi\ndone\n'
    for l_1_net in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'bridges'):
        _loop_vars = {}
        pass
        yield '\n# --- bridge '
        yield str(t_2(environment.getattr(l_1_net, 'bridge')))
        yield ' on '
        yield str(t_2(environment.getattr(l_1_net, 'uplink')))
        yield ' ('
        yield str(t_2(environment.getattr(l_1_net, 'method')))
        yield ') ---------------------------------\nuplink='
        yield str(t_1(environment.getattr(l_1_net, 'uplink')))
        yield '\nbridge='
        yield str(t_1(environment.getattr(l_1_net, 'bridge')))
        yield '\napply='
        yield str(t_4(environment.getattr(l_1_net, 'apply_path')))
        yield '\nif ! link_exists "$uplink"; then\n  fail "uplink $uplink does not exist: check the profile\'s uplink (ip -br link lists the NICs)"\nelif [[ -e $SYS/class/net/$uplink/wireless || -e $SYS/class/net/$uplink/phy80211 ]]; then\n  fail "$uplink is a Wi-Fi NIC: a Wi-Fi NIC cannot be bridged (the access point drops frames of other MACs); use type nat, routed or user"\nelif [[ $(link_field "$uplink" master) == "$bridge" ]]; then\n  pass "uplink $uplink is already a port of $bridge"\nelse\n  if [[ -n $(link_field "$uplink" master) ]]; then\n    fail "uplink $uplink is a port of $(link_field "$uplink" master) already"\n  elif [[ $(cat "$SYS/class/net/$uplink/operstate" 2>/dev/null) == up ]]; then\n    pass "uplink $uplink exists and is up"\n  else\n    warn "uplink $uplink is not up (no cable, or link down): the bridge will have no carrier"\n  fi\n  if link_exists "$bridge"; then\n    fail "$bridge already exists and $uplink is not its port: pick another bridge name, or remove it"\n  fi\n  if [[ -n $ssh_dev && $ssh_dev == "$uplink" ]]; then\n    warn "this SSH session (from $ssh_peer) runs over $uplink, which $apply makes a bridge port: "'
        yield str(t_1(environment.getattr(l_1_net, 'over_ssh')))
        yield '\n  elif grep -qxF -- "$uplink" <<<"$default_devs"; then\n    warn "the default route uses $uplink, which $apply makes a bridge port: "'
        yield str(t_1(environment.getattr(l_1_net, 'on_default_route')))
        yield '\n  else\n    pass "neither this session nor the default route depends on $uplink"\n  fi\nfi\n'
        template = environment.get_or_select_template(environment.getattr(l_1_net, 'nm_check'), 'preflight.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'net': l_1_net, 'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    l_1_net = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'bridges'):
        pass
        yield '\n# --- bridged traffic and the firewall --------------------------------------------------\nnf=$(cat "$PROC/sys/net/bridge/bridge-nf-call-iptables" 2>/dev/null || echo 0)\nif [[ $nf == 1 ]]; then\n  warn "bridge-nf-call-iptables=1 (br_netfilter): traffic through the bridge passes iptables FORWARD; set net.bridge.bridge-nf-call-iptables, -ip6tables and -arptables to 0 in /etc/sysctl.d/, or accept it in the FORWARD chain"\nelse\n  pass "bridged traffic bypasses iptables (bridge-nf-call-iptables is not 1)"\nfi\nif [[ $(id -u) -ne 0 ]]; then\n  warn "not root: the FORWARD policy was not checked"\nelif command -v iptables >/dev/null 2>&1 && grep -qx -- \'-P FORWARD DROP\' <<<"$(iptables -S FORWARD 2>/dev/null || true)"; then\n  if [[ $nf == 1 ]]; then\n    fail '
        yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'forward_drop_advice')))
        yield '\n  else\n    warn "iptables FORWARD policy is DROP (Docker sets it); harmless while bridge-nf-call-iptables stays 0"\n  fi\nelse\n  pass "iptables FORWARD policy does not drop bridged traffic"\nfi\n'
    for l_1_dev in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'passthroughs'):
        _loop_vars = {}
        pass
        yield '\n# --- passthrough of '
        yield str(t_2(environment.getattr(l_1_dev, 'device')))
        yield ' ---------------------------------------------------------\ndevice='
        yield str(t_1(environment.getattr(l_1_dev, 'device')))
        yield '\nbind='
        yield str(t_4(environment.getattr(l_1_dev, 'bind_path')))
        yield '\nif [[ -z $(ls -A -- "$SYS/kernel/iommu_groups" 2>/dev/null) ]]; then\n  fail "the IOMMU is off: turn on VT-d/AMD-Vi in the firmware and boot with intel_iommu=on (Intel)"\nelif [[ ! -e $SYS/bus/pci/devices/$device ]]; then\n  fail "there is no PCI device $device (lspci -D lists them): check the profile\'s device"\nelse\n  pass "the IOMMU is on"\n  group_link=$(readlink "$SYS/bus/pci/devices/$device/iommu_group" || true)\n  group=${group_link##*/}\n  members=()\n  for path in "$SYS/kernel/iommu_groups/$group/devices/"*; do\n    member=${path##*/}\n    driver=$(readlink "$SYS/bus/pci/devices/$member/driver" 2>/dev/null || true)\n    driver=${driver##*/}\n    members+=("$member (${driver:-no driver})")\n    for netdir in "$SYS/bus/pci/devices/$member/net/"*; do\n      [[ -e $netdir ]] || continue\n      ifname=${netdir##*/}\n      while read -r reason; do\n        fail "$ifname ($member) in the group $reason: passing it through cuts the host off ($bind refuses it without --force)"\n      done < <(cut_off_reasons "$ifname")\n    done\n  done\n  pass "IOMMU group $group: ${members[*]} (all of these go to vfio-pci)"\nfi\n'
    l_1_dev = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'):
        pass
        yield '\n# --- qemu-bridge-helper and its ACL ----------------------------------------------------\nhelper='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'bridge_helper')))
        yield '\nacl='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'), 'main_path')))
        yield '\nacl_script='
        yield str(t_4(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'), 'install_path')))
        yield '\nif [[ ! -x $helper ]]; then\n  fail "$helper not found: install the packages in README.md, \'Packages\'"\nelif [[ -u $helper || $(getcap -- "$helper" 2>/dev/null || true) == *cap_net_admin* ]]; then\n  pass "$helper can gain CAP_NET_ADMIN (setuid or file capability)"\nelse\n  warn "$helper is neither setuid nor has cap_net_admin: only root can start these VMs (chmod u+s $helper lets users)"\nfi\nif [[ ! -e $acl ]]; then\n  warn "$acl does not exist yet: $acl_script creates it"\nelif [[ $(stat -c %A -- "$acl") != ???????r* ]]; then\n  warn "$acl is not readable by every user: a non-root user who starts a VM gets \'failed to parse default acl file\'"\nelse\n  pass "$acl is readable"\nfi\n'
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'libvirt_nets'):
        pass
        yield '\nip2int() { local IFS=. a b c d; read -r a b c d <<<"$1"; echo $(( (a << 24) | (b << 16) | (c << 8) | d )); }\noverlaps() {  # overlaps A/LEN B/LEN\n  local a=${1%/*} al=${1#*/} b=${2%/*} bl=${2#*/} len mask\n  len=$(( al < bl ? al : bl ))\n  mask=$(( len == 0 ? 0 : (0xffffffff << (32 - len)) & 0xffffffff ))\n  (( ($(ip2int "$a") & mask) == ($(ip2int "$b") & mask) ))\n}\n\n# which firewall backend libvirt uses here\nconf_backend=$(awk -F= \'$1 ~ /^[ \\t]*firewall_backend[ \\t]*$/ { gsub(/[ \\t"]/, "", $2); print $2 }\' "$LIBVIRT_NETWORK_CONF" 2>/dev/null || true)\nif [[ -n $conf_backend ]]; then\n  LIBVIRT_BACKEND=$conf_backend LIBVIRT_BACKEND_WHY="firewall_backend in $LIBVIRT_NETWORK_CONF"\nelif [[ $(id -u) -eq 0 ]] && command -v nft >/dev/null 2>&1 && nft list table ip libvirt_network >/dev/null 2>&1; then\n  LIBVIRT_BACKEND=nftables LIBVIRT_BACKEND_WHY="libvirt\'s table ip libvirt_network exists"\nelse\n  LIBVIRT_BACKEND=iptables LIBVIRT_BACKEND_WHY="no firewall_backend set and no nftables table of libvirt\'s seen; libvirt before 10.4 has only iptables"\nfi\n'
        template = environment.get_template('preflight/libvirt-host.sh.j2', 'preflight.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    for l_1_net in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'libvirt_nets'):
        _loop_vars = {}
        pass
        yield '\n# --- '
        yield str(t_2(environment.getattr(l_1_net, 'title')))
        yield ' '
        yield str(t_2(environment.getattr(l_1_net, 'name')))
        yield ' ('
        yield str(t_2(environment.getattr(l_1_net, 'subnet')))
        yield ') ----------------------------------------\nsubnet='
        yield str(t_1(environment.getattr(l_1_net, 'subnet')))
        yield '\nnet_name='
        yield str(t_1(str_join((environment.getattr(l_1_net, 'title'), ' ', environment.getattr(l_1_net, 'name'), ))))
        yield '\nnat_bridge='
        yield str(t_1(environment.getattr(l_1_net, 'bridge')))
        yield '\nclash=""\nwhile read -r dest _ dev _; do\n  [[ $dest == default || $dev == "$nat_bridge" ]] && continue\n  [[ $dest == */* ]] || dest=$dest/32\n  [[ $dest =~ ^[0-9.]+/[0-9]+$ ]] || continue\n  if overlaps "$dest" "$subnet"; then clash+=" $dest (dev $dev)"; fi\ndone < <(\n  ip -4 route show 2>/dev/null | awk \'{ dev = ""; for (i = 1; i < NF; i++) if ($i == "dev") dev = $(i + 1); print $1, "dev", dev, "." }\'\n  # an address without its prefix route (noprefixroute, a /32) shows only here\n  ip -4 -o addr show 2>/dev/null | awk \'{ a = $4; sub(/\\/.*/, "/32", a); print a, "dev", $2, "." }\'\n)\nif [[ -n $clash ]]; then\n  fail "subnet $subnet of $net_name overlaps routes already on this host:$clash; pick another subnet"\nelse\n  pass "subnet $subnet of $net_name overlaps no route on this host"\nfi\n'
        if environment.getattr(l_1_net, 'uplink'):
            pass
            yield 'routed_uplink='
            yield str(t_1(environment.getattr(l_1_net, 'uplink')))
            yield '\nif [[ -e $SYS/class/net/$routed_uplink ]]; then\n  pass "uplink $routed_uplink of $net_name exists"\nelse\n'
            if environment.getattr(l_1_net, 'uplink_provider'):
                pass
                yield '  pass '
                yield str(t_1(str_join(('uplink ', environment.getattr(l_1_net, 'uplink'), ' of ', environment.getattr(l_1_net, 'title'), ' ', environment.getattr(l_1_net, 'name'), ' does not exist yet: ', environment.getattr(l_1_net, 'uplink_provider'), ' makes it', ))))
                yield '\n'
            else:
                pass
                yield '  fail "uplink $routed_uplink of $net_name does not exist: check the profile\'s uplink (ip -br link lists the NICs)"\n'
            yield 'fi\n'
        if environment.getattr(environment.getattr(l_1_net, 'firewall'), 'forwards'):
            pass
            yield '\n# port forwards: which firewall libvirt uses here, host ports already taken, host firewalls\nbackend=$LIBVIRT_BACKEND why=$LIBVIRT_BACKEND_WHY\nbackend_tool=$backend\n[[ $backend == nftables ]] && backend_tool=nft\nif command -v "$backend_tool" >/dev/null 2>&1; then\n  pass "libvirt\'s firewall backend here: $backend ($why); the forwards\' hook uses the same"\nelse\n  fail "libvirt\'s firewall backend here is $backend ($why) but $backend_tool is not installed"\nfi\n# libvirt runs the hooks in /etc/libvirt/hooks/network.d/ from 6.5 on\nversion=$(virsh --version 2>/dev/null || true)\nif [[ $version =~ ^([0-9]+)\\.([0-9]+) ]] && (( BASH_REMATCH[1] < 6 || (BASH_REMATCH[1] == 6 && BASH_REMATCH[2] < 5) )); then\n  if [[ -e /etc/libvirt/hooks/network ]] && ! grep -qxF '
            yield str(t_1(environment.getattr(environment.getattr(l_1_net, 'firewall'), 'dispatcher_marker')))
            yield ' /etc/libvirt/hooks/network 2>/dev/null; then\n    warn "libvirt $version runs only /etc/libvirt/hooks/network (6.5 and later also run network.d/), and that file is your own: the setup leaves it alone; have it run '
            yield str(t_2(environment.getattr(environment.getattr(l_1_net, 'firewall'), 'hook_installed')))
            yield ' with its arguments and input, or the forwards are gone after a restart of the network or a reboot"\n  else\n    pass "libvirt $version runs only /etc/libvirt/hooks/network: the setup puts a dispatcher there that runs network.d/ as newer libvirt does"\n  fi\nelif [[ -n $version ]]; then\n  pass "libvirt $version runs the forwards\' hook from /etc/libvirt/hooks/network.d"\nfi\nlistening=$(ss -ltnuH 2>/dev/null || true)\n'
            for l_2_fwd in environment.getattr(environment.getattr(l_1_net, 'firewall'), 'forwards'):
                _loop_vars = {}
                pass
                yield 'if awk -v proto='
                yield str(t_1(environment.getattr(l_2_fwd, 'proto')))
                yield ' -v port='
                yield str(t_1(str_join((':', environment.getattr(l_2_fwd, 'host_port'), ))))
                yield ' \'$1 == proto && substr($5, length($5) - length(port) + 1) == port { found = 1 } END { exit !found }\' <<<"$listening"; then\n  warn '
                yield str(t_1(str_join((environment.getattr(l_2_fwd, 'proto'), ' port ', environment.getattr(l_2_fwd, 'host_port'), " is in use by a service of this host (ss -lnp 'sport = :", environment.getattr(l_2_fwd, 'host_port'), "'): the forward takes connections to this host's addresses on it away from that service", ))))
                yield '\nelse\n  pass '
                yield str(t_1(str_join((environment.getattr(l_2_fwd, 'proto'), ' port ', environment.getattr(l_2_fwd, 'host_port'), ' is free on this host', ))))
                yield '\nfi\n'
            l_2_fwd = missing
            yield 'if command -v firewall-cmd >/dev/null 2>&1 && [[ $(firewall-cmd --state 2>/dev/null || true) == running ]]; then\n  warn '
            yield str(t_1(str_join(('firewalld is running: open the forwarded ports in the zone of the interface the connections come in on, e.g. ', environment.getattr(environment.getattr(l_1_net, 'firewall'), 'firewalld_advice'), ))))
            yield '\nfi\nif command -v ufw >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] && [[ $(ufw status 2>/dev/null || true) == "Status: active"* ]]; then\n  warn '
            yield str(t_1(str_join(('ufw is active and filters forwarded traffic: allow it with ', environment.getattr(environment.getattr(l_1_net, 'firewall'), 'ufw_advice'), ))))
            yield '\nfi\n'
    l_1_net = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'user_backend_checks'):
        pass
        yield '\n# --- user-mode networking --------------------------------------------------------------\nnetdevs=$('
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'qemu')))
        yield ' -netdev help 2>/dev/null || true)\n'
        for l_1_check in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'user_backend_checks'):
            _loop_vars = {}
            pass
            yield 'if [[ -z $netdevs ]]; then\n  warn '
            yield str(t_1(str_join(('could not ask QEMU for its -netdev types (is it installed?): ', environment.getattr(l_1_check, 'netdev'), ' is needed, ', environment.getattr(l_1_check, 'purpose'), ))))
            yield '\nelif grep -qx -- '
            yield str(t_1(environment.getattr(l_1_check, 'netdev')))
            yield ' <<<"$netdevs"; then\n  pass '
            yield str(t_1(str_join(('QEMU here has -netdev ', environment.getattr(l_1_check, 'netdev'), ' (', environment.getattr(l_1_check, 'purpose'), ')', ))))
            yield '\nelse\n  fail '
            yield str(t_1(str_join(('QEMU here has no -netdev ', environment.getattr(l_1_check, 'netdev'), ' (', environment.getattr(l_1_check, 'purpose'), '): ', environment.getattr(l_1_check, 'fix'), ))))
            yield '\nfi\n'
        l_1_check = missing
    if environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'units'):
        pass
        yield '\n# --- the VMs as systemd services -------------------------------------------------------\nif [[ -d /run/systemd/system ]]; then\n  pass "systemd runs this host\'s services"\nelse\n  warn "systemd is not running here: '
        yield str(t_2(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'units'), 'install_path')))
        yield ' installs and enables the units on disk only; they take effect when systemd runs"\nfi\n'
    for l_1_vm in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'vms'):
        _loop_vars = {}
        pass
        yield '\n# --- VM '
        yield str(t_2(environment.getattr(l_1_vm, 'name')))
        yield ' ------------------------------------------------------------------\n'
        for l_2_check in environment.getattr(l_1_vm, 'device_checks'):
            _loop_vars = {}
            pass
            yield 'if [[ -r $DEVFS/'
            yield str(t_1(environment.getattr(l_2_check, 'device')))
            yield ' && -w $DEVFS/'
            yield str(t_1(environment.getattr(l_2_check, 'device')))
            yield ' ]]; then\n  pass '
            yield str(t_1(str_join(('/dev/', environment.getattr(l_2_check, 'device'), ' is accessible', ))))
            yield '\nelse\n  '
            yield str(t_1(environment.getattr(l_2_check, 'level')))
            yield ' '
            yield str(t_1(environment.getattr(l_2_check, 'message')))
            yield '\nfi\n'
        l_2_check = missing
        if environment.getattr(environment.getattr(l_1_vm, 'unit'), 'user'):
            pass
            yield 'run_as='
            yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'user')))
            yield '\nif id -u -- "$run_as" >/dev/null 2>&1; then\n  pass "user $run_as (run_as) exists"\nelse\n  fail "user $run_as (run_as) does not exist: create it (useradd --system --no-create-home $run_as) or change run_as"\nfi\n'
            for l_2_group in environment.getattr(environment.getattr(l_1_vm, 'unit'), 'groups'):
                _loop_vars = {}
                pass
                yield 'if getent group '
                yield str(t_1(l_2_group))
                yield ' >/dev/null 2>&1; then\n  pass '
                yield str(t_1(str_join(('group ', l_2_group, ' exists (the unit adds ', environment.getattr(environment.getattr(l_1_vm, 'unit'), 'user'), ' to it for /dev/kvm and /dev/vhost-net)', ))))
                yield '\nelse\n  fail '
                yield str(t_1(str_join(('group ', l_2_group, " does not exist: the unit's SupplementaryGroups=", l_2_group, ' would fail (it comes with the kvm and udev setup of the distribution)', ))))
                yield '\nfi\n'
            l_2_group = missing
            for l_2_check in environment.getattr(l_1_vm, 'device_checks'):
                _loop_vars = {}
                pass
                yield 'if [[ $(stat -c %G -- "$DEVFS"/'
                yield str(t_1(environment.getattr(l_2_check, 'device')))
                yield ' 2>/dev/null || true) == kvm && $(stat -c %A -- "$DEVFS"/'
                yield str(t_1(environment.getattr(l_2_check, 'device')))
                yield ' 2>/dev/null || true) == ????rw* ]]; then\n  pass '
                yield str(t_1(str_join(('/dev/', environment.getattr(l_2_check, 'device'), ' is open to group kvm (', environment.getattr(environment.getattr(l_1_vm, 'unit'), 'user'), ' gets it in the unit)', ))))
                yield '\nelse\n  '
                yield str(t_1(environment.getattr(l_2_check, 'level')))
                yield ' '
                yield str(t_1(str_join(('/dev/', environment.getattr(l_2_check, 'device'), ' is not read-write for group kvm: user ', environment.getattr(environment.getattr(l_1_vm, 'unit'), 'user'), ' cannot use it; ', environment.getattr(l_2_check, 'message'), ))))
                yield '\nfi\n'
            l_2_check = missing
            if environment.getattr(l_1_vm, 'nics'):
                pass
                yield 'if [[ -u $helper || $(getcap -- "$helper" 2>/dev/null || true) == *cap_net_admin* ]]; then\n  pass "$helper can make taps for user $run_as"\nelse\n  fail "$helper is neither setuid nor has cap_net_admin: user $run_as cannot make the VM\'s taps (chmod u+s $helper, or leave run_as out)"\nfi\n'
    l_1_vm = missing
    yield '\nprintf \'preflight: %d PASS, %d WARN, %d FAIL\\n\' "$passed" "$warned" "$failed"\n(( failed == 0 ))\n'

blocks = {}
debug_info = '1=37&2=43&3=46&10=53&13=56&16=59&19=62&41=66&45=73&46=75&47=81&51=88&59=90&61=94&62=100&63=102&64=104&83=106&85=108&90=110&92=117&105=120&113=122&115=126&116=128&117=130&143=133&146=136&147=138&148=140&164=142&183=145&185=151&187=155&188=161&189=163&190=165&207=167&208=170&212=172&213=175&219=181&233=184&234=186&242=188&243=192&244=196&246=198&250=202&253=204&257=207&260=210&261=212&263=216&264=218&265=220&267=222&271=225&277=228&280=230&282=234&283=236&284=240&285=244&287=246&290=251&291=254&297=256&298=260&299=262&301=264&304=267&305=271&306=275&308=277&311=282'
qemu_netgen_source_sum = '2c18ab51d771d4196f9bf99c742231b975c09e0cfb3e32582b2f6d1f462540ca'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stacks/ifupdown.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    template = environment.get_template('bridge/stacks/common.sh.j2', 'bridge/stacks/ifupdown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'OUR_FILE='
    yield str(t_1(environment.getattr(environment.getitem(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'files'), 0), 'target')))
    yield '\nIFSTATE=/run/network/ifstate\nDHCP='
    yield str(t_1((1 if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dhcp') else 0)))
    yield '  # the bridge\'s address from DHCP (ifupdown runs dhclient)\n# dhclient as ifupdown\'s dhcp method runs it for the bridge, so that `ifdown` stops it\nDHCLIENT=(dhclient -4 -v -i -pf "/run/dhclient.$BRIDGE.pid" -lf "/var/lib/dhcp/dhclient.$BRIDGE.leases" -I -df "/var/lib/dhcp/dhclient6.$BRIDGE.leases" "$BRIDGE")\n\n# dhcp_client_of DEV: the PID of the dhclient ifupdown started for DEV, if it runs.\ndhcp_client_of() {\n  local pid\n  [[ -r /run/dhclient.$1.pid ]] || return 0\n  read -r pid <"/run/dhclient.$1.pid" || return 0\n  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 0\n  grep -qaF -- dhclient "/proc/$pid/cmdline" && printf \'%s\\n\' "$pid"\n  return 0\n}\n\n# uplink_lines FILE: "FILE:LINE: text" for each line of FILE that configures the uplink.\nuplink_lines() {\n  awk -v dev="$UPLINK" \'\n    { line = $0; sub(/#.*/, "", line); n = split(line, w, /[ \\t]+/); first = (w[1] == "") ? 2 : 1 }\n    w[first] == "iface" && w[first + 1] "" == dev { print FILENAME ":" FNR ": " $0; next }\n    w[first] ~ /^(auto|allow-[a-z-]+|mapping)$/ { for (i = first + 1; i <= n; i++) if (w[i] "" == dev) { print FILENAME ":" FNR ": " $0; next } }\n  \' "$1"\n}\n\nstack_check() {\n  command -v ifup >/dev/null 2>&1 || die "ifup is missing: method ifupdown needs ifupdown and bridge-utils (install-packages.sh installs them)"\n  command -v brctl >/dev/null 2>&1 || die "brctl is missing: ifupdown makes bridges at boot with bridge-utils (install-packages.sh installs it)"\n  [[ -f /etc/network/interfaces ]] || die "/etc/network/interfaces is missing: method ifupdown needs it"\n  local sources\n  sources=$(awk \'$1 == "source" && $2 ~ /^(\\/etc\\/network\\/)?interfaces\\.d\\/\\*$/ || $1 == "source-directory" && $2 ~ /^(\\/etc\\/network\\/)?interfaces\\.d\\/?$/\' /etc/network/interfaces)\n  [[ -n $sources ]] || die "/etc/network/interfaces does not read interfaces.d: add the line \'source /etc/network/interfaces.d/*\' to it"\n  local found path\n  found=$(uplink_lines /etc/network/interfaces)\n  for path in /etc/network/interfaces.d/*; do\n    [[ -f $path && $path != "$OUR_FILE" ]] || continue\n    found+=$(uplink_lines "$path")\n  done\n  [[ -z $found ]] || die "ifupdown configures $UPLINK itself; comment out these lines (its address moves to $BRIDGE): $found"\n  refuse_other_stacks ifupdown\n  if (( DHCP )) && ! command -v dhclient >/dev/null 2>&1; then\n    die "ifupdown\'s dhcp method runs dhclient, which is missing: install isc-dhcp-client (install-packages.sh does)"\n  fi\n  local pid\n  pid=$(dhcp_client_of "$UPLINK")\n  [[ -z $pid ]] || die "dhclient (pid $pid) still keeps $UPLINK\'s lease and would put the address back on the port: stop it without releasing the lease (kill $pid; the lease moves to $BRIDGE)"\n}\n\n# mark_up IFACE / mark_down IFACE: ifupdown\'s record that IFACE is up (or not).\nmark_up() {\n  local state=""\n  [[ ! -f $IFSTATE ]] || state=$(<"$IFSTATE")\n  [[ $(awk -F= -v dev="$1" \'$1 "" == dev\' <<<"$state") == "" ]] || return 0\n  run install -d -m 0755 -- "${IFSTATE%/*}"\n  if (( DRY_RUN )); then\n    show_into \'>>\' "$IFSTATE" echo "$1=$1"\n  else\n    printf \'%s\\n\' "$1=$1" >>"$IFSTATE"\n    changed\n  fi\n}\nmark_down() {\n  [[ -f $IFSTATE ]] || return 0\n  local state kept\n  state=$(<"$IFSTATE")\n  kept=$(awk -F= -v dev="$1" \'$1 "" != dev\' <<<"$state")\n  [[ $kept != "$state" ]] || return 0\n  [[ -z $kept ]] || kept+=$\'\\n\'\n  if (( DRY_RUN )); then\n    show_into \'>\' "$IFSTATE" printf \'%s\' "$kept"\n  else\n    printf \'%s\' "$kept" >"$IFSTATE.qemu-netgen"\n    mv -f -- "$IFSTATE.qemu-netgen" "$IFSTATE"\n    changed\n  fi\n}\n\nstack_let_go() { :; }  # ifupdown runs nothing by itself\nstack_adopt() {\n  mark_up "$BRIDGE"\n  # the lease is renewed on the bridge from now on; dhclient finds the address in place\n  if (( DHCP )) && [[ -z $(dhcp_client_of "$BRIDGE") ]]; then\n    run install -d -m 0755 /var/lib/dhcp\n    run "${DHCLIENT[@]}"\n  fi\n}\nstack_release() {\n  mark_down "$BRIDGE"\n  local pid\n  pid=$(dhcp_client_of "$BRIDGE")\n  # stopped, not released: a release would take the address the NIC has back now\n  [[ -z $pid ]] || run kill -- "$pid"\n}\n'

blocks = {}
debug_info = '3=18&4=25&6=27'
qemu_netgen_source_sum = 'c5dfcd3fabe6b5152e8943e0269c3a8d61932d98dcfb285314ec5b0af021e49f'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stacks/common.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    pass
    yield '# the files systemd-networkd configures the bridge and the uplink from, with this stack\nNETWORKD_FILES=('
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'networkd_files')))
    yield ')\n# networkd_running: whether systemd-networkd runs on this host.\nnetworkd_running() { pidof systemd-networkd >/dev/null 2>&1; }\n\n# networkd_file DEV: the .network file systemd-networkd configures DEV from, if any.\nnetworkd_file() {\n  local index state\n  index=$(<"/sys/class/net/$1/ifindex") || return 0\n  [[ -r /run/systemd/netif/links/$index ]] || return 0\n  state=$(<"/run/systemd/netif/links/$index")\n  awk -F= \'$1 == "NETWORK_FILE" && $2 != "" { print $2 }\' <<<"$state"\n}\n\n# refuse_other_stacks MINE...: stop when a stack other than MINE manages the uplink, naming\n# it and its file.\nrefuse_other_stacks() {\n  local mine=" $* " devices line connection file\n  if [[ $mine != *" nmcli "* ]] && command -v nmcli >/dev/null 2>&1 &&\n    [[ $(nmcli -t -f RUNNING general 2>/dev/null) == running ]]; then\n    devices=$(nmcli -t -f DEVICE,STATE,CONNECTION device 2>/dev/null || true)\n    line=$(awk -F: -v dev="$UPLINK" \'$1 "" == dev && $2 ~ /^(connected|connecting|disconnected)/\' <<<"$devices")\n    if [[ -n $line ]]; then\n      connection=${line#*:*:}\n      file=""\n      if [[ -n $connection ]]; then\n        file=$(nmcli -t -f NAME,FILENAME connection show 2>/dev/null | awk -F: -v name="$connection" \'$1 "" == name { print $2 }\')\n        connection=" (connection \\"$connection\\"${file:+ in $file})"\n      fi\n      die "NetworkManager manages $UPLINK$connection: two stacks on one NIC undo each other. Run: nmcli device set $UPLINK managed no (and keep it so in NetworkManager.conf), or use method: nmcli"\n    fi\n  fi\n  if [[ $mine != *" networkd "* ]] && networkd_running; then\n    file=$(networkd_file "$UPLINK")\n    [[ -z $file ]] || die "systemd-networkd configures $UPLINK from $file: take $UPLINK out of it (or use method: networkd)"\n  fi\n  if [[ $mine != *" ifupdown "* && -r /run/network/ifstate ]]; then\n    line=$(awk -F= -v dev="$UPLINK" \'$1 "" == dev\' /run/network/ifstate)\n    [[ -z $line ]] || die "ifupdown has $UPLINK up (see /etc/network/interfaces and interfaces.d): ifdown it and take it out there first, or use method: ifupdown"\n  fi\n}\n\n# networkd_let_go DEV: wait (at most 5 s) until systemd-networkd no longer configures DEV\n# from this stack\'s files, after a reload without them.\nnetworkd_let_go() {\n  (( ! DRY_RUN )) || return 0\n  local tries=0 file target ours\n  while :; do\n    file=$(networkd_file "$1")\n    ours=0\n    for target in "${NETWORKD_FILES[@]}"; do\n      [[ $file != "$target" ]] || ours=1\n    done\n    (( ours )) || return 0\n    (( ++tries <= 100 )) || { note "systemd-networkd still configures $1 from $file"; return 0; }\n    sleep 0.05\n  done\n}\n\n# The stack lets go of the uplink before the NIC leaves the bridge: else systemd-networkd,\n# which re-reads a NIC that leaves a bridge, puts it straight back in (measured with 252).\n# A runtime file, read first, marks the uplink unmanaged until the stack\'s files are gone.\nLET_GO=/run/systemd/network/00-qemu-netgen-let-go-$UPLINK.network\n\n# networkd_let_go_first: systemd-networkd leaves the uplink alone from now on (this boot).\nnetworkd_let_go_first() {\n  run install -d -m 0755 -- "${LET_GO%/*}"\n  if (( DRY_RUN )); then\n    show_into \'>\' "$LET_GO" printf \'[Match]\\nName=%s\\n\\n[Link]\\nUnmanaged=yes\\n\' "$UPLINK"\n  else\n    printf \'[Match]\\nName=%s\\n\\n[Link]\\nUnmanaged=yes\\n\' "$UPLINK" >"$LET_GO"\n  fi\n  run networkctl reload\n  networkd_let_go "$UPLINK"\n}\n'

blocks = {}
debug_info = '3=19'
qemu_netgen_source_sum = '39350a7ed409c060e1f634fe7c5350216c0d4a84a4a770d61556ff7637e1694e'

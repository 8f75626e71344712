from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/ip-up.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
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
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'bridge/ip-up.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'bridge/ip-up.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Make bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ' with uplink ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ' using ip (until reboot).', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'bridge/ip-up.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'bridge/ip-up.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)\n'
    template = environment.get_template('bridge/ip-lib.sh.j2', 'bridge/ip-up.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nSTP='
    yield str(t_1((1 if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stp') else 0)))
    yield '\nFORWARD_DELAY_CS='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay_cs')))
    yield '  # iproute2 takes centiseconds: '
    yield str(t_2(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay')))
    yield ' s\nMTU='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mtu') if (not t_3(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mtu'))) else '')))
    yield '\nSTATIC_CIDR='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'cidr') or '')))
    yield '\nGATEWAY='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway') or '')))
    yield '\nDOWN="$HERE"/'
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path')))
    yield '\nFORCE=0 CONFIRM=0 CONFIRM_WITHIN=0\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--confirm-within SECONDS | --force] | --confirm\nCreates bridge $BRIDGE, moves the addresses and routes of $UPLINK onto it and makes\n$UPLINK its port. Lasts until reboot; undo with ${DOWN##*/}. Safe to run again.\n  -n, --dry-run               print the commands that would change the host, change nothing\n  --confirm-within SECONDS    when your SSH session runs over $UPLINK: go ahead, and roll\n                              back after SECONDS unless you run $PROG --confirm by then\n  --confirm                   keep the bridge: cancel the pending roll-back\n  --force                     go ahead even over an SSH session on $UPLINK, with no roll-back\nUSAGE\n}\n\n'
    def macro():
        t_4 = []
        pass
        t_4.append(
            '    --force) FORCE=1 ;;\n    --confirm) CONFIRM=1 ;;\n    --confirm-within)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--confirm-within needs a number of seconds"\n      CONFIRM_WITHIN=$2\n      shift\n      ;;\n',
        )
        return concat(t_4)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\n\nif (( CONFIRM )); then\n  if [[ ! -f $STATE.rollback ]]; then\n    note "no roll-back is pending"\n    exit 0\n  fi\n  pid=$(<"$STATE.rollback")\n  run touch -- "$STATE.confirmed"\n  if [[ $pid =~ ^[0-9]+$ ]] && grep -qF -- "${DOWN##*/}" "/proc/$pid/cmdline" 2>/dev/null; then\n    run kill -- "$pid"\n  fi\n  run rm -f -- "$STATE.rollback"\n  note "confirmed: $BRIDGE stays"\n  exit 0\nfi\n\n# --- checks, before anything changes -----------------------------------------------\nlink_exists "$UPLINK" || die "uplink $UPLINK does not exist (ip link show $UPLINK): check the profile"\nmaster=$(link_field "$UPLINK" master)\nif [[ $master == "$BRIDGE" ]]; then\n  note "$UPLINK is already a port of $BRIDGE; nothing to do"\n  exit 0\nfi\n[[ -z $master ]] || die "$UPLINK is already a port of $master; take it out first (ip link set dev $UPLINK nomaster)"\nif link_exists "$BRIDGE"; then\n  die "$BRIDGE already exists without $UPLINK in it: it was not made by this script; pick another bridge name or remove it (ip link del dev $BRIDGE)"\nfi\n\nmac=$(link_field "$UPLINK" link/ether)\n[[ -n $mac ]] || die "$UPLINK has no Ethernet address: it cannot be a bridge port"\nmapfile -t ADDRS < <(addresses "$UPLINK")\nmapfile -t ROUTES < <(routes "$UPLINK")\nmapfile -t NEIGHS < <(permanent_neighbours "$UPLINK")\nMTU_WAS=$(link_field "$UPLINK" mtu)\nUP_WAS=0\nadmin_up "$UPLINK" && UP_WAS=1\n\nhave_addrs=$(printf \'%s\\n\' "${ADDRS[@]}" | awk \'{ print $1 }\')\nhave_routes=$(printf \'%s\\n\' "${ROUTES[@]}")\nif [[ -n $STATIC_CIDR ]] && ! grep -qxF -- "$STATIC_CIDR" <<<"$have_addrs"; then\n  ADDRS+=("$STATIC_CIDR")  # the profile\'s address, not yet on the NIC: it goes on the bridge\n  if [[ -n $GATEWAY ]] && ! grep -q \'^-4 default \' <<<"$have_routes"; then\n    ROUTES+=("-4 default via $GATEWAY")\n  fi\nfi\n(( ${#ADDRS[@]} )) || note "$UPLINK has no IPv4 address, so $BRIDGE gets none (method ip runs no DHCP client)"\n\n# --- the lock-out guard ---------------------------------------------------------------\n# Who reaches this host through the uplink? The SSH session this runs in, or any other.\nlockout=""\npeers=()\n[[ -n ${SSH_CONNECTION:-} ]] && peers+=("${SSH_CONNECTION%% *}")\nif command -v ss >/dev/null 2>&1; then\n  mapfile -t -O "${#peers[@]}" peers < <(ss -Htn state established \'( sport = :22 )\' 2>/dev/null |\n    awk \'{ p = $NF; sub(/:[0-9]+$/, "", p); gsub(/[][]/, "", p); print p }\')\nfi\nfor peer in "${peers[@]}"; do\n  if [[ $(dev_of_route "$peer") == "$UPLINK" ]]; then lockout=$peer; break; fi\ndone\nif [[ -n $lockout ]] && (( ! FORCE && ! CONFIRM_WITHIN )); then\n  die "the SSH session from $lockout reaches this host through $UPLINK, which this script makes a port of $BRIDGE. If anything goes wrong you are locked out. Run it with --confirm-within 120 (it rolls back by itself unless you run \'$PROG --confirm\' within 120 s) or with --force"\nfi\n\n# --- record, then change ----------------------------------------------------------------\nstate_lines=()\nfor entry in "${ADDRS[@]}"; do state_lines+=("addr $entry"); done\nfor entry in "${ROUTES[@]}"; do state_lines+=("route $entry"); done\nfor entry in "${NEIGHS[@]}"; do state_lines+=("neigh $entry"); done\nstate_lines+=("mtu $MTU_WAS" "up $UP_WAS")\nrun install -d -m 0700 -- "${STATE%/*}"\nif (( DRY_RUN )); then\n  show_into \'>\' "$STATE" printf \'%s\\n\' "${state_lines[@]}"\nelse\n  printf \'%s\\n\' "${state_lines[@]}" >"$STATE"\nfi\n\n# From here on, a failure or an interrupt restores what was already changed. A hang-up\n# (the SSH session dropping) is ignored, so the steps run to their end.\nchanging=1\nrollback_unfinished() {\n  local rc=$?\n  (( changing )) || return 0\n  trap - EXIT\n  note "stopped before the end (exit $rc); restoring $UPLINK as it was"\n  restore || note "the restore failed too; run ${DOWN##*/}"\n  exit 1\n}\ntrap rollback_unfinished EXIT\ntrap \'exit 130\' INT TERM\ntrap \'\' HUP\n\nbridge_args=(name "$BRIDGE")\n[[ -z $MTU ]] || bridge_args+=(mtu "$MTU")\nrun ip link add "${bridge_args[@]}" address "$mac" type bridge stp_state "$STP" forward_delay "$FORWARD_DELAY_CS"\n[[ -z $MTU ]] || run ip link set dev "$UPLINK" mtu "$MTU"\nrun ip link set dev "$BRIDGE" up\nfor entry in "${ADDRS[@]}"; do\n  read -ra words <<<"$entry"\n  run ip addr add "${words[@]}" dev "$BRIDGE"\ndone\nrun ip link set dev "$UPLINK" master "$BRIDGE"\n(( UP_WAS )) || run ip link set dev "$UPLINK" up\n# IPv4 goes with the addresses: static neighbours and routes of every table move to the\n# bridge (the kernel flushes them from the NIC with its last address); IPv6 stays as it is\nput_neighbours "$BRIDGE" -4\nput_routes "$BRIDGE" -4\nfor entry in "${ADDRS[@]}"; do\n  read -ra words <<<"$entry"\n  ! has_address "$UPLINK" "$entry" || run ip addr del "${words[0]}" dev "$UPLINK"\ndone\nchanging=0\n\nif (( CONFIRM_WITHIN )); then\n  # detached from this session, so it still runs when the session is gone\n  if (( DRY_RUN )); then\n    show setsid bash "$DOWN" --rollback-after "$CONFIRM_WITHIN"\n  else\n    rm -f -- "$STATE.confirmed"\n    setsid bash "$DOWN" --rollback-after "$CONFIRM_WITHIN" </dev/null >>"$STATE.log" 2>&1 &\n    echo "$!" >"$STATE.rollback"\n    note "rolling back in $CONFIRM_WITHIN s unless you run: $HERE/$PROG --confirm"\n  fi\nfi\n\nif (( ! DRY_RUN )); then\n  [[ $(link_field "$UPLINK" master) == "$BRIDGE" ]] || die "$UPLINK is not a port of $BRIDGE after all"\n  moved=$(printf \'%s\\n\' "${ROUTES[@]}" | awk \'$1 == "-4"\' | wc -l)\n  note "ok: $UPLINK is a port of $BRIDGE; ${#ADDRS[@]} address(es) and $moved route(s) moved"\nfi\n'

blocks = {}
debug_info = '1=31&2=37&3=40&4=46&6=53&8=60&9=62&10=66&11=68&12=70&13=72&29=74'
qemu_netgen_source_sum = '6edf2d7e2465999a4f3e34224e29c5c315ce0b79283ecfea63a33bdba60dd35c'

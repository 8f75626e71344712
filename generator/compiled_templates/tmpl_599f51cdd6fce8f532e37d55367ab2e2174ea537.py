from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/nm-setup.sh.j2'

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
        t_2 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'bridge/nm-setup.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'bridge/nm-setup.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Make bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ' with uplink ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ' as NetworkManager profiles (persistent).', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'bridge/nm-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'bridge/nm-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/nm-lib.sh.j2', 'bridge/nm-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nUNDO='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path')))
    yield '\nSTP='
    yield str(t_1(('yes' if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stp') else 'no')))
    yield '\nFORWARD_DELAY='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay')))
    yield '  # seconds, as NetworkManager takes it\nMTU='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mtu') if (not t_3(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mtu'))) else '')))
    yield '\nIPV4=('
    yield str(t_2(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv4_settings')))
    yield ')\nWAIT_FOR_LEASE='
    yield str(t_1((1 if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dhcp') else 0)))
    yield "  # DHCP: the bridge is ready once it has a lease\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--wait SECONDS]\nCreates (or updates) the NetworkManager profiles $CON (bridge $BRIDGE) and $PORT\n($UPLINK as its port), stops $UPLINK's own profiles from autoconnecting so the bridge\nalso wins after a reboot, and activates the bridge in one detached step. Safe to run\nagain. Undo with $UNDO.\n  -n, --dry-run     print the commands that would change the host, change nothing\n  --wait SECONDS    how long to wait for the bridge to come up (default $WAIT)\nUSAGE\n}\n\n"
    def macro():
        t_4 = []
        pass
        t_4.append(
            '    --wait)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--wait needs a number of seconds"\n      WAIT=$2\n      shift\n      ;;\n    --detached) DETACHED=1; shift; break ;;\n',
        )
        return concat(t_4)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\n# activate: the port, then the bridge; run detached.\nactivate() {\n  run nmcli connection up id "$PORT"\n  run nmcli connection up id "$CON"\n}\nif (( DETACHED )); then\n  [[ ${1:-} == activate ]] || usage_error "--detached takes: activate"\n  activate\n  exit 0\nfi\n\nneed_root\ntrap report_result EXIT\nneed_networkmanager\nlink_exists "$UPLINK" || die "uplink $UPLINK does not exist (ip link show $UPLINK): check the profile"\n[[ $(device_field "$UPLINK" GENERAL.STATE) != *unmanaged* ]] || die "NetworkManager does not manage $UPLINK; use method: ip, or let NetworkManager manage it"\nmac=$(link_field "$UPLINK" link/ether)\n[[ -n $mac ]] || die "$UPLINK has no Ethernet address: it cannot be a bridge port"\n\nif link_exists "$BRIDGE" && [[ $(device_field "$BRIDGE" GENERAL.CONNECTION) != "$CON" ]]; then\n  die "an interface $BRIDGE already exists and is not NetworkManager\'s $CON: pick another bridge name, or remove it"\nfi\n\n# The uplink\'s own profiles: recorded once (with their autoconnect setting), so that the\n# undo can give them back even after this script ran several times.\nif [[ -f $STATE ]]; then\n  note "using the record of $UPLINK\'s own profiles in $STATE"\n  mapfile -t OLD < "$STATE"\nelse\n  active=$(device_field "$UPLINK" GENERAL.CONNECTION)\n  OLD=()\n  while IFS=: read -r uuid type; do\n    [[ $type == 802-3-ethernet ]] || continue\n    name=$(nmcli -g connection.id connection show uuid "$uuid")\n    [[ $name != "$PORT" ]] || continue\n    ifname=$(nmcli -g connection.interface-name connection show uuid "$uuid")\n    [[ $ifname == "$UPLINK" || ( -n $active && $name == "$active" ) ]] || continue\n    autoconnect=$(nmcli -g connection.autoconnect connection show uuid "$uuid")\n    is_active=0\n    [[ -n $active && $name == "$active" ]] && is_active=1\n    OLD+=("$uuid $autoconnect $is_active")\n  done < <(nmcli -t -f UUID,TYPE connection show)\n  run install -d -m 0700 -- "${STATE%/*}"\n  if (( DRY_RUN )); then\n    show_into \'>\' "$STATE" printf \'%s\\n\' "${OLD[@]}"\n  else\n    printf \'%s\\n\' "${OLD[@]}" >"$STATE"\n    changed\n  fi\nfi\n\nbridge_props=(bridge.stp "$STP" bridge.forward-delay "$FORWARD_DELAY" "${IPV4[@]}"\n  ethernet.cloned-mac-address "$mac" connection.autoconnect yes connection.autoconnect-slaves 1)\nport_props=(connection.autoconnect yes)\n[[ -z $MTU ]] || port_props+=(802-3-ethernet.mtu "$MTU")\n\n# From here on, a failure puts back what this run changed: the profiles it added go,\n# the uplink\'s own profiles get their autoconnect back, the one that was active comes up.\nadded=()\nrecorded_now=0\n[[ -f $STATE ]] || recorded_now=1\nchanging=1\nundo_unfinished() {\n  local rc=$? entry uuid autoconnect was_active again=""\n  (( changing && ! DRY_RUN )) || { report_result "$rc"; return 0; }\n  trap - EXIT\n  note "stopped before the end (exit $rc); putting $UPLINK\'s profiles back"\n  for uuid in "${added[@]}"; do nmcli --wait 15 connection delete uuid "$uuid" >/dev/null 2>&1 || true; done\n  for entry in "${OLD[@]}"; do\n    read -r uuid autoconnect was_active <<<"$entry"\n    nmcli connection modify uuid "$uuid" connection.autoconnect "$autoconnect" >/dev/null 2>&1 || true\n    [[ $was_active != 1 ]] || again=$uuid\n  done\n  if [[ -n $again ]]; then  # (an `a || b &` would run in a subshell holding our output)\n    setsid nmcli connection up uuid "$again" </dev/null >>"$STATE.log" 2>&1 &\n  fi\n  (( ! recorded_now )) || rm -f -- "$STATE"\n  exit 1\n}\n(( DRY_RUN )) || trap undo_unfinished EXIT\ntrap \'exit 130\' INT TERM\n\n# props_of UUID NAME VALUE...: what the profile has now for each NAME, one a line\nprops_of() {\n  local uuid=$1 names=""\n  shift\n  # (-g takes a setting by its full name: 802-3-ethernet, not the alias ethernet)\n  while (( $# >= 2 )); do names+=${names:+,}${1/#ethernet./802-3-ethernet.}; shift 2; done\n  nmcli -g "$names" connection show uuid "$uuid"\n}\n\n# modify UUID NAME VALUE...: set the properties; a change only if one of them differed\nmodify() {\n  local uuid=$1 before keep=$CHANGED\n  shift\n  (( DRY_RUN )) || before=$(props_of "$uuid" "$@")\n  run nmcli connection modify uuid "$uuid" "$@"\n  if (( ! DRY_RUN )) && [[ $(props_of "$uuid" "$@") == "$before" ]]; then CHANGED=$keep; fi\n}\n\ncon_uuid=$(uuid_of "$CON")\nif [[ -n $con_uuid ]]; then\n  modify "$con_uuid" "${bridge_props[@]}"\nelse\n  run nmcli connection add type bridge con-name "$CON" ifname "$BRIDGE" "${bridge_props[@]}"\n  (( DRY_RUN )) || added+=("$(uuid_of "$CON")")\nfi\nport_uuid=$(uuid_of "$PORT")\nif [[ -n $port_uuid ]]; then\n  # NetworkManager 1.42 knows master/slave-type, not controller/port-type (1.46+)\n  modify "$port_uuid" connection.master "$CON" connection.slave-type bridge "${port_props[@]}"\nelse\n  run nmcli connection add type ethernet con-name "$PORT" ifname "$UPLINK" master "$CON" slave-type bridge "${port_props[@]}"\n  (( DRY_RUN )) || added+=("$(uuid_of "$PORT")")\nfi\n\nfor entry in "${OLD[@]}"; do\n  uuid=${entry%% *}\n  if [[ $(nmcli -g connection.autoconnect connection show uuid "$uuid" 2>/dev/null) != no ]]; then\n    run nmcli connection modify uuid "$uuid" connection.autoconnect no\n  fi\ndone\n\nbridged() {\n  [[ $(device_field "$UPLINK" GENERAL.CONNECTION) == "$PORT" ]] &&\n    [[ $(device_field "$BRIDGE" GENERAL.STATE) == 100* ]]\n}\nif bridged; then\n  note "$BRIDGE is already up with $UPLINK as its port"\nelse\n  # one detached step: a dropped SSH session cannot stop it between the two\n  detached activate\n  wait_for "$BRIDGE coming up with $UPLINK as its port" bridged\nfi\nhas_ipv4() { [[ -n $(device_field "$BRIDGE" IP4.ADDRESS) ]]; }\n(( ! WAIT_FOR_LEASE )) || wait_for "a DHCP lease on $BRIDGE" has_ipv4\nchanging=0\n(( DRY_RUN )) || note "ok: $BRIDGE is up with $UPLINK as its port: $(device_field "$BRIDGE" IP4.ADDRESS)"\n'

blocks = {}
debug_info = '1=31&2=37&3=40&4=46&5=52&7=59&8=61&9=63&10=65&11=67&12=69&26=71'
qemu_netgen_source_sum = '478056d83ebac46e36ca93675c288a28cc8618aad83164b2cb9c321661b2e5b2'

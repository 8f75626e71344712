from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stack-setup.sh.j2'

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
    pass
    included_template = environment.get_template('common/args.sh.j2', 'bridge/stack-setup.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'bridge/stack-setup.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Make bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ' with uplink ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ', persistent with ', environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'name'), ', moved live.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)\n'
    template = environment.get_template('bridge/live-lib.sh.j2', 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/guard-lib.sh.j2', 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/files-lib.sh.j2', 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_or_select_template(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'library'), 'bridge/stack-setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nSTACK='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'name')))
    yield '\nSTATIC_CIDR='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'cidr') or '')))
    yield '\nGATEWAY='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway') or '')))
    yield '\nUPLINK_MAC='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink_mac')))
    yield '  # empty: the NIC\'s own, read below\nDOWN="$HERE"/'
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path')))
    yield '\nFORCE=0 CONFIRM=0 CONFIRM_WITHIN=0\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--confirm-within SECONDS | --force] | --confirm\nInstalls the $STACK files of bridge $BRIDGE (backing up what they replace), then moves the\naddresses and routes of $UPLINK onto $BRIDGE live, without a lost packet, and lets $STACK\ntake it over: the bridge stays across reboots. Undo with ${DOWN##*/}. Safe to run again.\n  -n, --dry-run               print the commands and files that would change the host\n  --confirm-within SECONDS    when your SSH session runs over $UPLINK: go ahead, and roll\n                              back (files and live state) after SECONDS unless you run\n                              $PROG --confirm by then\n  --confirm                   keep the bridge: cancel the pending roll-back\n  --force                     go ahead even over an SSH session on $UPLINK, with no roll-back\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        t_2.append(
            '    --force) FORCE=1 ;;\n    --confirm) CONFIRM=1 ;;\n    --confirm-within)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--confirm-within needs a number of seconds"\n      CONFIRM_WITHIN=$2\n      shift\n      ;;\n',
        )
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nif (( CONFIRM )); then\n  confirm_pending\n  exit 0\nfi\n\n# --- checks, before anything changes -----------------------------------------------\nmaster=$(uplink_master)\nmac=$(link_field "$UPLINK" link/ether)\n[[ -n $mac ]] || die "$UPLINK has no Ethernet address: it cannot be a bridge port"\nif [[ -z $UPLINK_MAC ]]; then\n  UPLINK_MAC=$mac\nelif [[ $master != "$BRIDGE" && ${mac,,} != "$UPLINK_MAC" ]]; then\n  die "the profile pins uplink_mac $UPLINK_MAC, but $UPLINK has $mac: is this the right host and NIC?"\nfi\n\nif [[ $master == "$BRIDGE" ]]; then\n  if files_current; then\n    note "$UPLINK is already a port of $BRIDGE and the $STACK files are installed; nothing to do"\n    [[ -z $(pending_rollback) ]] || note "a roll-back is still pending: run $PROG --confirm to keep $BRIDGE"\n    exit 0\n  fi\n  # bridged already (by this script, or by the stack at boot): only the files change\n  [[ -f $STATE ]] || die "$BRIDGE holds $UPLINK, but not from this script (no record in $STATE): run ${DOWN##*/} or take it apart first"\n  backup_files\n  install_files\n  stack_adopt\n  note "ok: the $STACK files of $BRIDGE are updated"\n  exit 0\nfi\n\nstack_check\nrecord_uplink\nrefuse_small_mtu\nadd_profile_address\n(( ${#ADDRS[@]} + ${#EXTRA_ADDRS[@]} )) || note "$UPLINK has no IPv4 address now: $BRIDGE gets its address from $STACK"\nif [[ -n $ROUTE_PROTO ]] && (( ${#NEIGHS[@]} )); then\n  note "$STACK keeps no static neighbours on a DHCP bridge: ${#NEIGHS[@]} permanent neighbour entr(y/ies) of $UPLINK move to $BRIDGE now and may go when $STACK adopts it; they come back to $UPLINK on teardown"\nfi\nfor entry in "${ADDRS6[@]}"; do\n  [[ $entry != global\\ * ]] || note "IPv6 address ${entry#global } moves to $BRIDGE now; the profile does not persist it, so after a reboot $BRIDGE has what router adverts give it"\ndone\n\n# --- the lock-out guard ---------------------------------------------------------------\nrefuse_lockout\n\n# --- record, then change ----------------------------------------------------------------\nsave_state\nbackup_files\n\n# From here on, a failure or an interrupt restores what was already changed: the live\n# state and the files. A hang-up (the SSH session dropping) is ignored, so the steps run\n# to their end.\nchanging=1\nrollback_unfinished() {\n  local rc=$?\n  (( changing )) || { report_result "$rc"; return 0; }\n  trap - EXIT\n  note "stopped before the end (exit $rc); restoring $UPLINK and the $STACK files as they were"\n  # every step, whatever the one before did\n  local failed=0\n  stack_let_go || failed=1\n  restore_files || failed=1\n  restore || failed=1\n  stack_release || failed=1\n  restore_ipv6 || failed=1\n  (( ! failed )) || note "the restore failed in part; run ${DOWN##*/}"\n  exit 1\n}\ntrap rollback_unfinished EXIT\ntrap \'exit 130\' INT TERM\ntrap \'\' HUP\n\ninstall_files\nmove_to_bridge "$UPLINK_MAC"\nwait_settled\nstack_adopt\nchanging=0\n\nstart_rollback_timer\n\nif (( ! DRY_RUN )); then\n  [[ $(link_field "$UPLINK" master) == "$BRIDGE" ]] || die "$UPLINK is not a port of $BRIDGE after all"\n  note "ok: $UPLINK is a port of $BRIDGE, which $STACK keeps across reboots; $(( ${#ADDRS[@]} + ${#EXTRA_ADDRS[@]} )) IPv4 and ${#ADDRS6[@]} IPv6 address(es), ${#ROUTES[@]} route(s) moved"\nfi\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&7=47&8=53&9=59&11=66&12=68&13=70&14=72&15=74&33=76'
qemu_netgen_source_sum = 'faa4f9dd85e69f2ef49c83238c513e7b682e366560ad5ad1aaeaab1df6a81a77'

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
    template = environment.get_template('bridge/live-lib.sh.j2', 'bridge/ip-up.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/guard-lib.sh.j2', 'bridge/ip-up.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nSTATIC_CIDR='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'cidr') or '')))
    yield '\nGATEWAY='
    yield str(t_1((environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway') or '')))
    yield '\nDOWN="$HERE"/'
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path')))
    yield '\nFORCE=0 CONFIRM=0 CONFIRM_WITHIN=0\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--confirm-within SECONDS | --force] | --confirm\nCreates bridge $BRIDGE, moves the addresses and routes of $UPLINK onto it and makes\n$UPLINK its port. Lasts until reboot; undo with ${DOWN##*/}. Safe to run again.\n  -n, --dry-run               print the commands that would change the host, change nothing\n  --confirm-within SECONDS    when your SSH session runs over $UPLINK: go ahead, and roll\n                              back after SECONDS unless you run $PROG --confirm by then\n  --confirm                   keep the bridge: cancel the pending roll-back\n  --force                     go ahead even over an SSH session on $UPLINK, with no roll-back\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        t_2.append(
            '    --force) FORCE=1 ;;\n    --confirm) CONFIRM=1 ;;\n    --confirm-within)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--confirm-within needs a number of seconds"\n      CONFIRM_WITHIN=$2\n      shift\n      ;;\n',
        )
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nif (( CONFIRM )); then\n  confirm_pending\n  exit 0\nfi\n\n# --- checks, before anything changes -----------------------------------------------\nmaster=$(uplink_master)\nif [[ $master == "$BRIDGE" ]]; then\n  note "$UPLINK is already a port of $BRIDGE; nothing to do"\n  [[ -z $(pending_rollback) ]] || note "a roll-back is still pending: run $PROG --confirm to keep $BRIDGE"\n  exit 0\nfi\n\nmac=$(link_field "$UPLINK" link/ether)\n[[ -n $mac ]] || die "$UPLINK has no Ethernet address: it cannot be a bridge port"\nrecord_uplink\nrefuse_small_mtu\n\nadd_profile_address\n(( ${#ADDRS[@]} + ${#EXTRA_ADDRS[@]} )) || note "$UPLINK has no IPv4 address, so $BRIDGE gets none (method ip runs no DHCP client)"\n\n# --- the lock-out guard ---------------------------------------------------------------\nrefuse_lockout\n\n# --- record, then change ----------------------------------------------------------------\nsave_state\n\n# From here on, a failure or an interrupt restores what was already changed. A hang-up\n# (the SSH session dropping) is ignored, so the steps run to their end.\nchanging=1\nrollback_unfinished() {\n  local rc=$?\n  (( changing )) || { report_result "$rc"; return 0; }\n  trap - EXIT\n  note "stopped before the end (exit $rc); restoring $UPLINK as it was"\n  restore || note "the restore failed too; run ${DOWN##*/}"\n  exit 1\n}\ntrap rollback_unfinished EXIT\ntrap \'exit 130\' INT TERM\ntrap \'\' HUP\n\nmove_to_bridge "$mac"\nchanging=0\n\nstart_rollback_timer\n\nif (( ! DRY_RUN )); then\n  [[ $(link_field "$UPLINK" master) == "$BRIDGE" ]] || die "$UPLINK is not a port of $BRIDGE after all"\n  note "ok: $UPLINK is a port of $BRIDGE; $(( ${#ADDRS[@]} + ${#EXTRA_ADDRS[@]} )) IPv4 and ${#ADDRS6[@]} IPv6 address(es), ${#ROUTES[@]} route(s) moved"\nfi\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&7=47&9=54&10=56&11=58&27=60'
qemu_netgen_source_sum = 'eada9adbbc18487ab0eeccceb95cf35a6815e0e3b5a3269061c12a0d9f7e9b2a'

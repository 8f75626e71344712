from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/ip-down.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_parse_args = l_0_title = missing
    pass
    included_template = environment.get_template('common/args.sh.j2', 'bridge/ip-down.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'bridge/ip-down.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Take bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ' apart and give ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ' back its addresses and routes (undoes ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'bridge/ip-down.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'bridge/ip-down.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/live-lib.sh.j2', 'bridge/ip-down.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/guard-lib.sh.j2', 'bridge/ip-down.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield "\nROLLBACK_AFTER=0\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nMoves the addresses and routes recorded by the up script back to $UPLINK, takes it out\nof $BRIDGE and deletes $BRIDGE. Stop the VMs on $BRIDGE first. Safe to run again.\n  -n, --dry-run             print the commands that would change the host, change nothing\n  --rollback-after SECONDS  (used by the up script's --confirm-within) wait, then undo\n                            unless the up script was confirmed meanwhile\nUSAGE\n}\n\n"
    def macro():
        t_1 = []
        pass
        t_1.append(
            '    --rollback-after)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--rollback-after needs a number of seconds"\n      ROLLBACK_AFTER=$2\n      shift\n      ;;\n',
        )
        return concat(t_1)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nwait_for_confirmation\n\nif [[ -f $STATE ]]; then\n  load_state\nelif [[ $(link_field "$UPLINK" master) == "$BRIDGE" ]]; then\n  # No record (it lives in /run, so this is the same boot): take back what the bridge has.\n  note "no record of $UPLINK\'s prior state; moving $BRIDGE\'s addresses and routes back to it"\n  mapfile -t ADDRS < <(addresses "$BRIDGE")\n  mapfile -t ADDRS6 < <(addresses6 "$BRIDGE" | awk \'$1 == "global"\')\n  mapfile -t ROUTES < <(routes "$BRIDGE")\n  mapfile -t NEIGHS < <(permanent_neighbours "$BRIDGE")\nelif link_exists "$BRIDGE"; then\n  die "$BRIDGE exists but $UPLINK is not its port and there is no record: it was not made by the up script; leaving it alone"\nelse\n  note "$UPLINK is not bridged; nothing to do"\n  exit 0\nfi\n\nlink_exists "$UPLINK" || die "uplink $UPLINK does not exist any more; nothing can be given back to it"\nrestore\nrollback_done\n(( DRY_RUN )) || note "ok: $UPLINK has its addresses and routes back; $BRIDGE is gone"\n'

blocks = {}
debug_info = '1=13&2=19&3=22&4=28&5=34&6=40&21=47'
qemu_netgen_source_sum = '9cf0158b55888b413959211cdf2585fae46451bebd8240520e03ab1e190906be'

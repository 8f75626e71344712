from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/nm-teardown.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_parse_args = l_0_title = missing
    pass
    included_template = environment.get_template('common/args.sh.j2', 'bridge/nm-teardown.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'bridge/nm-teardown.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Remove bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), "'s NetworkManager profiles and give ", environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ' its own profile back (undoes ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'bridge/nm-teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'bridge/nm-teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('bridge/nm-lib.sh.j2', 'bridge/nm-teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield "\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--wait SECONDS]\nDeletes the profiles $CON and $PORT, restores the autoconnect setting of $UPLINK's own\nprofiles and activates the one that was active, in one detached step. Stop the VMs on\n$BRIDGE first. Safe to run again.\n  -n, --dry-run     print the commands that would change the host, change nothing\n  --wait SECONDS    how long to wait for $UPLINK to come back (default $WAIT)\nUSAGE\n}\n\n"
    def macro():
        t_1 = []
        pass
        t_1.append(
            '    --wait)\n      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage_error "--wait needs a number of seconds"\n      WAIT=$2\n      shift\n      ;;\n    --detached) DETACHED=1; shift; break ;;\n',
        )
        return concat(t_1)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\n# give_back UUID-OR-EMPTY PROFILE...: delete the bridge\'s profiles, then bring the\n# uplink\'s own profile up again; run detached.\ngive_back() {\n  local again=$1 uuid\n  local -a refs=()\n  shift\n  for uuid in "$@"; do refs+=(uuid "$uuid"); done\n  (( $# == 0 )) || run nmcli connection delete "${refs[@]}"\n  [[ -z $again ]] || run nmcli connection up uuid "$again"\n}\nif (( DETACHED )); then\n  [[ ${1:-} == give_back ]] || usage_error "--detached takes: give_back"\n  shift\n  give_back "$@"\n  exit 0\nfi\n\nneed_root\ntrap report_result EXIT\nneed_networkmanager\n\nOLD=()\nif [[ -f $STATE ]]; then\n  mapfile -t OLD < "$STATE"\nfi\ncon_uuid=$(uuid_of "$CON")\nport_uuid=$(uuid_of "$PORT")\nif [[ -z $con_uuid && -z $port_uuid && ${#OLD[@]} -eq 0 ]]; then\n  note "no profiles of this bundle and no record; nothing to do"\n  exit 0\nfi\n(( ${#OLD[@]} )) || note "no record of $UPLINK\'s own profiles ($STATE); NetworkManager will pick one"\n\n# autoconnect back first: it changes nothing that is running\nagain=""\nfor entry in "${OLD[@]}"; do\n  read -r uuid autoconnect was_active <<<"$entry"\n  nmcli -g connection.uuid connection show uuid "$uuid" >/dev/null 2>&1 || { note "profile $uuid is gone; skipping it"; continue; }\n  if [[ $(nmcli -g connection.autoconnect connection show uuid "$uuid") != "$autoconnect" ]]; then\n    run nmcli connection modify uuid "$uuid" connection.autoconnect "$autoconnect"\n  fi\n  [[ $was_active != 1 ]] || again=$uuid\ndone\n\ndelete=()\n[[ -z $port_uuid ]] || delete+=("$port_uuid")\n[[ -z $con_uuid ]] || delete+=("$con_uuid")\nif (( ${#delete[@]} )) || [[ -n $again && -z $(device_field "$UPLINK" GENERAL.CONNECTION) ]]; then\n  # one detached step: deleting the port drops the link until the old profile is up\n  detached give_back "$again" "${delete[@]}"\n  gone() { [[ -z $(uuid_of "$CON") && -z $(uuid_of "$PORT") ]]; }\n  wait_for "deleting $CON and $PORT" gone\nfi\nif [[ -n $again ]]; then\n  back() { [[ -n $(device_field "$UPLINK" GENERAL.CONNECTION) && $(device_field "$UPLINK" GENERAL.CONNECTION) != "$PORT" ]]; }\n  wait_for "$UPLINK getting its own profile back" back\nfi\nrun rm -f -- "$STATE"\n(( DRY_RUN )) || note "ok: $BRIDGE\'s profiles are gone; $UPLINK: $(device_field "$UPLINK" GENERAL.CONNECTION)"\n'

blocks = {}
debug_info = '1=13&2=19&3=22&4=28&5=34&18=41'
qemu_netgen_source_sum = 'b14c2147f99ecd608af46b428c10d3e6048d8b199a27997d143555ac3523646a'

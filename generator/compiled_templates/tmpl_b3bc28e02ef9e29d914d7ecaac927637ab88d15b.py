from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/teardown.sh.j2'

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
    included_template = environment.get_template('common/args.sh.j2', 'libvirt/teardown.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'libvirt/teardown.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Stop and remove the libvirt ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'title'), ' ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name'), ' (undoes ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'setup_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'libvirt/teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'libvirt/teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nNET='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name')))
    yield '\nUUID='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uuid')))
    yield '\nBRIDGE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge')))
    yield '\nHOOK_INSTALLED='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_installed')))
    yield '\nHOOK_MARKER='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'marker')))
    yield '\n'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield 'HOOK="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"/'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_path')))
        yield '\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        template = environment.get_template('libvirt/sysctl.sh.j2', 'libvirt/teardown.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        template = environment.get_template('libvirt/accept-ra.sh.j2', 'libvirt/teardown.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield ': "${LIBVIRT_DEFAULT_URI:=qemu:///system}"\nexport LIBVIRT_DEFAULT_URI\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nStops the libvirt network $NET and removes its definition and autostart link'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield ',\nits port forwards and their hook $HOOK_INSTALLED'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield ', and the drop-in\n$DROPIN_INSTALLED (forwarding stays on until reboot)'
    yield '.\nGuests attached to $BRIDGE lose their network. Safe to run again.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\n'
    template = environment.get_template('libvirt/state.sh.j2', 'libvirt/teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nread_state running\n\n'
    template = environment.get_template('libvirt/hook-files.sh.j2', 'libvirt/teardown.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        yield '\n# accept_ra as the setup found it, where it is still as the setup left it; but while IPv6\n# forwarding stays on (libvirt never turns it off) accept_ra=2 stays too, or those\n# interfaces would lose their routes; the drop-in goes, so a reboot ends it\nif ra_dropin_foreign; then\n  note "$RA_DROPIN is not this bundle\'s: left alone"\nelif [[ -e $RA_DROPIN ]]; then\n  run rm -f -- "$RA_DROPIN"\nfi\nif [[ -f $RA_STATE ]]; then\n  forwarding=$(cat /proc/sys/net/ipv6/conf/all/forwarding 2>/dev/null || echo 0)\n  kept=()\n  while read -r dev was; do\n    [[ $(cat "/proc/sys/net/ipv6/conf/$dev/accept_ra" 2>/dev/null || true) == 2 ]] || continue\n    if [[ $forwarding == 1 ]]; then\n      note "$dev keeps accept_ra=2 (it had $was) while IPv6 forwarding is on, or it would lose its routes; run this again once forwarding is off to give it $was (or reboot: without the drop-in the boot settings apply)"\n      kept+=("$dev $was")\n    else\n      run sysctl -qw "$(ra_key "$dev")=$was"\n    fi\n  done <"$RA_STATE"\n  if (( ${#kept[@]} == 0 )); then\n    run rm -f -- "$RA_STATE"\n  elif (( ! DRY_RUN )) && [[ $(<"$RA_STATE") != "$(printf \'%s\\n\' "${kept[@]}")" ]]; then\n    printf \'%s\\n\' "${kept[@]}" >"$RA_STATE"\n    changed\n  fi\nfi\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield '\n# the drop-in first: forwarding stays on at runtime (libvirt\'s way; other networks need it)\nif dropin_foreign; then\n  note "$DROPIN_INSTALLED is not this bundle\'s: left alone"\nelif [[ -e $DROPIN_INSTALLED ]]; then\n  run rm -f -- "$DROPIN_INSTALLED"\nfi\n'
    yield "\n# the port forwards first (this bundle's, or an earlier render's left in libvirt's hooks)\n"
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield 'run_script "$HOOK" --remove\n'
    yield 'if [[ -e $HOOK_INSTALLED || -L $HOOK_INSTALLED ]] && ! marked "$HOOK_INSTALLED" "$HOOK_MARKER"; then\n  note "$HOOK_INSTALLED is not this bundle\'s hook (another bundle\'s of a similar name?): left alone"\nelif [[ -e $HOOK_INSTALLED ]]; then\n  run_script "$HOOK_INSTALLED" --remove\n  run rm -f -- "$HOOK_INSTALLED"\nfi\ndrop_dispatcher\n\nif (( ! defined )); then\n  note "network $NET is not defined; nothing to do"\n  exit 0\nfi\nif [[ -n $current_uuid && $current_uuid != "$UUID" ]]; then\n  note "network $NET has uuid $current_uuid, not this bundle\'s $UUID: it was defined elsewhere; removing it as asked"\nfi\n(( autostart )) && note "network $NET loses its autostart link with its definition"\nif (( active )); then\n  run virsh net-destroy "$NET"\nfi\nif (( persistent )); then\n  run virsh net-undefine "$NET"\nfi\n\nif (( ! DRY_RUN )); then\n  [[ ! -e /sys/class/net/$BRIDGE ]] || die "network $NET is gone but bridge $BRIDGE still exists"\n  note "ok: network $NET removed"\nfi\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&7=43&8=45&9=47&10=49&11=51&12=54&14=56&15=58&17=64&18=66&26=73&27=76&34=80&40=87&44=94&45=100&75=103&86=107'
qemu_netgen_source_sum = '902d6af5e6b04f4dcd93b349603c92a1d3cb1f141d02735313ff9c37184c4ef6'

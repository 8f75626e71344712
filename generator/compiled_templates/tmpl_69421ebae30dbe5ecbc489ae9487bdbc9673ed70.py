from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stacks/networkd.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    template = environment.get_template('bridge/stacks/common.sh.j2', 'bridge/stacks/networkd.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nstack_check() {\n  command -v networkctl >/dev/null 2>&1 || die "networkctl is missing: method networkd needs systemd-networkd (install-packages.sh installs it)"\n  networkd_running || die "systemd-networkd is not running: systemctl enable --now systemd-networkd (method networkd needs it), or pick another method"\n  refuse_other_stacks networkd\n  refuse_earlier_network_file\n}\n\n# stack_adopt / stack_release: systemd-networkd reads the files again; it finds the bridge\n# as the files describe it and keeps what is on it (KeepConfiguration=yes).\nstack_adopt() { networkd_reload; }\nstack_let_go() { networkd_let_go_first; }\nstack_release() {\n  run rm -f -- "$LET_GO"\n  networkd_reload\n  networkd_let_go "$UPLINK"\n}\n'

blocks = {}
debug_info = '2=11'
qemu_netgen_source_sum = '2b9504fe46e26a16f0b8f7784bafb58c6746dd66f028f23b82d32c70436d2dfe'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'preflight/nm-ip.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '# method ip: NetworkManager must not manage the uplink, or it undoes the bridge\nnm_devices=""\nif command -v nmcli >/dev/null 2>&1 && [[ $(nmcli -t -f RUNNING general 2>/dev/null) == running ]]; then\n  nm_devices=$(nmcli -t -f DEVICE,STATE device 2>/dev/null || true)\nfi\nif grep -q "^$uplink:\\(connected\\|connecting\\|disconnected\\)" <<<"$nm_devices"; then\n  warn "NetworkManager manages $uplink and may undo what the ip method does: use method: nmcli, or run: nmcli device set $uplink managed no"\nelse\n  pass "NetworkManager does not manage $uplink"\nfi\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'bad2218619e02535109a64ae6dc1066f0ecf7812fb2ba2dc20daad93727d5a5a'

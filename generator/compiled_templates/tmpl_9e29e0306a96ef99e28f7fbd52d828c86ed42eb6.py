from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'preflight/nm-nmcli.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '# method nmcli: NetworkManager makes the bridge\nif [[ $(nmcli -t -f RUNNING general 2>/dev/null) == running ]]; then\n  pass "NetworkManager is running"\nelse\n  fail "NetworkManager is not running: method nmcli needs it (systemctl start NetworkManager)"\nfi\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '4300d814fd4fe72575fcf5428180f2a38019019f4fb20a56992d0584ad966087'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/sysctl.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    yield '# The sysctl drop-in of this routed network: libvirt turns forwarding on as it starts the\n# network (and leaves it on when it stops); the drop-in keeps it on from boot.\nDROPIN_INSTALLED='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'), 'installed')))
    yield '\nDROPIN_MARKER='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'), 'marker')))
    yield '\ndropin_ours() {\n  [[ -f $DROPIN_INSTALLED && ! -L $DROPIN_INSTALLED && $(awk \'NR == 1\' "$DROPIN_INSTALLED") == "$DROPIN_MARKER" ]]\n}\ndropin_foreign() { [[ -e $DROPIN_INSTALLED || -L $DROPIN_INSTALLED ]] && ! dropin_ours; }\n'

blocks = {}
debug_info = '3=19&4=21'
qemu_netgen_source_sum = '5406d448850be6a5c755babd590f86fe80b6dbde4c271ff0c0780c888fcdeffc'

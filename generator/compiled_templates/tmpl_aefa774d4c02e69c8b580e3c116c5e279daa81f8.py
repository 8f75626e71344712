from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/sysctl.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    pass
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'), 'marker')))
    yield '\n'
    for l_1_line in environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'), 'lines'):
        _loop_vars = {}
        pass
        yield str(t_1(l_1_line))
        yield '\n'
    l_1_line = missing

blocks = {}
debug_info = '1=18&2=20&3=23'
qemu_netgen_source_sum = '8808fad3977c04838f5ca0d77ca930a8c6f6e8e13b2c73578b25b030b7eba01d'

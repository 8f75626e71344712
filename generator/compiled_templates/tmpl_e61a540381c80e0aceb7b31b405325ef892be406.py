from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/networkd/ini.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_plan = resolve('plan')
    l_0_file = resolve('file')
    try:
        t_1 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    pass
    yield '# Made by qemu-netgen for network '
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name')))
    yield ' of bundle '
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'name')))
    yield ': '
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path')))
    yield ' installs it, '
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path')))
    yield ' takes it away.\n'
    for l_1_section in environment.getattr((undefined(name='file') if l_0_file is missing else l_0_file), 'sections'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getattr(l_1_section, 'header'))
        yield '\n'
        for (l_2_key, l_2_value) in environment.getattr(l_1_section, 'entries'):
            _loop_vars = {}
            pass
            yield str(l_2_key)
            yield '='
            yield str(l_2_value)
            yield '\n'
        l_2_key = l_2_value = missing
    l_1_section = missing

blocks = {}
debug_info = '1=21&2=29&4=33&5=35&6=38'
qemu_netgen_source_sum = 'cf57f0082d1d442205fa95ad67701f96dfbdb4a7b2207b686da9ca85e8ba025b'

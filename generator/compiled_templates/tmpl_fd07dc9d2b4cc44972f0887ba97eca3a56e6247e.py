from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/ifupdown/interfaces.j2'

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
    yield ' takes it away.\n# The uplink carries no address of its own: it is a port of the bridge below.\n'
    for l_1_section in environment.getattr((undefined(name='file') if l_0_file is missing else l_0_file), 'sections'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getattr(l_1_section, 'header'))
        yield '\n'
        for (l_2_key, l_2_value) in environment.getattr(l_1_section, 'entries'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_2_key)
            yield ' '
            yield str(l_2_value)
            yield '\n'
        l_2_key = l_2_value = missing
    l_1_section = missing

blocks = {}
debug_info = '1=21&3=29&5=33&6=35&7=39'
qemu_netgen_source_sum = 'bc5df4b45e4442b1ae9bd4ef609a971da41eaebadd95ce08aa2f9527ee408a2e'

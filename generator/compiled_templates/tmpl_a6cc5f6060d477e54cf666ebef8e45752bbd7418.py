from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/netplan/bridge.yaml.j2'

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
    yield ' takes it away.\n# Apply it with '
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path')))
    yield ", not `netplan apply`: that flaps the uplink; the script\n# moves the host's addresses onto the bridge without a lost packet, then lets networkd adopt it.\nnetwork:\n  version: 2\n"
    for (l_1_group, l_1_section) in (('ethernets', environment.getitem(environment.getattr((undefined(name='file') if l_0_file is missing else l_0_file), 'sections'), 0)), ('bridges', environment.getitem(environment.getattr((undefined(name='file') if l_0_file is missing else l_0_file), 'sections'), 1))):
        _loop_vars = {}
        pass
        yield '  '
        yield str(l_1_group)
        yield ':\n    '
        yield str(environment.getattr(l_1_section, 'header'))
        yield ':\n'
        for (l_2_key, l_2_value) in environment.getattr(l_1_section, 'entries'):
            _loop_vars = {}
            pass
            yield '      '
            yield str(l_2_key)
            yield ': '
            yield str(l_2_value)
            yield '\n'
        l_2_key = l_2_value = missing
    l_1_group = l_1_section = missing

blocks = {}
debug_info = '1=21&2=29&6=31&7=35&8=37&9=39&10=43'
qemu_netgen_source_sum = '34a27ab11fb948671a6ffc39103054b5f86f12726eec48c10ea81c39d78f30e8'

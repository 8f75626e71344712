from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'units/common.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    yield "# The units of this bundle: name, file in the bundle, installed file, autostart (1/0),\n# and the marker line that opens each (by which a unit is known as this bundle's).\nUNITS=(\n"
    for l_1_vm in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'vms'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'name')))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'path')))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'installed')))
        yield ' '
        yield str(t_1((1 if environment.getattr(environment.getattr(l_1_vm, 'unit'), 'autostart') else 0)))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'marker')))
        yield '\n'
    l_1_vm = missing
    yield ')\nUNIT_FIELDS=5\n\n# systemd_running: whether systemd is the service manager here (else the units are only\n# installed and enabled on disk, as in a chroot, and take effect at the next boot).\nsystemd_running() { [[ -d /run/systemd/system ]]; }\n\n# ours FILE MARKER: whether FILE is a unit this bundle installed.\nours() { [[ -f $1 && $(head -c 4096 -- "$1" | awk \'NR == 1\') == "$2" ]]; }\n'

blocks = {}
debug_info = '4=19&5=23'
qemu_netgen_source_sum = '0a0dcfa77048a005006cbae6f41b1fd8d452f7c750a2144a72f9d1927d773fd2'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'steps.json.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    try:
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    pass
    yield '{\n  "format": 1,\n  "bundle": '
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'name')))
    yield ',\n  "packages": "install-packages.sh",\n  "preflight": "preflight.sh",\n  "steps": [\n'
    l_1_loop = missing
    for l_1_step, l_1_loop in LoopContext(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'runbook'), undefined):
        _loop_vars = {}
        pass
        yield '    {"apply": '
        yield str(t_1(environment.getattr(l_1_step, 'apply')))
        yield ', "undo": '
        yield str(t_1(environment.getattr(l_1_step, 'undo')))
        yield ', "cuts": '
        yield str(t_1(environment.getattr(l_1_step, 'cuts')))
        yield '}'
        yield str((',' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 8 in 'steps.json.j2' evaluated to false and no else section was defined.")))
        yield '\n'
    l_1_loop = l_1_step = missing
    yield '  ],\n  "start": ['
    def t_2(fiter):
        for l_1_vm in fiter:
            if environment.getattr(environment.getattr(l_1_vm, 'unit'), 'autostart'):
                yield l_1_vm
    l_1_loop = missing
    for l_1_vm, l_1_loop in LoopContext(t_2(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'vms')), undefined):
        _loop_vars = {}
        pass
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'name')))
        yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 11 in 'steps.json.j2' evaluated to false and no else section was defined.")))
    l_1_loop = l_1_vm = missing
    yield ']\n}\n'

blocks = {}
debug_info = '3=19&7=22&8=26&11=36'
qemu_netgen_source_sum = 'b787b201bd38b668d2264442dc0e2e413fd04f2a601082e9d20b149a19c21df5'

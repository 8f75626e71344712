from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/undo-nmcli.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    pass
    yield '- **`./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path'))
    yield '`** — deletes `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'connection'))
    yield '` and `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'port_connection'))
    yield '`, gives\n  `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield "`'s own profiles their autoconnect setting back and activates the one that was\n  active, in one detached step.\n"

blocks = {}
debug_info = '1=13&2=19'
qemu_netgen_source_sum = 'ff2c274c062e1a04adc77961aa6a93e6e4ca242a092564c63b2d0b16daed9a31'

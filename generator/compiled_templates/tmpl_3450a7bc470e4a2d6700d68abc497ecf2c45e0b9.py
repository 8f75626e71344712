from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/undo-stack.md.j2'

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
    yield '`** — '
    yield str(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'daemon'))
    yield ' lets go of `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '` first (else it puts\n  the NIC straight back into the bridge), the files go back as they were (the replaced ones\n  from `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'backup_dir'))
    yield '`, the new ones deleted), then the live state returns in the\n  mirrored zero-loss order as with method `ip`, and the stack reads its files again.\n'

blocks = {}
debug_info = '1=13&3=19'
qemu_netgen_source_sum = 'b4a422d9731d2d997159f66b5cc009122f77defcb00e53bedc1e758b53bdb7ff'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/undo-ip.md.j2'

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
    yield '`** — in the mirrored order: the recorded addresses go back on\n  `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield "` while it is still a port, the NIC gets the bridge's ARP neighbours (a port's\n  own ARP lookups never complete, and replies would wait up to a second), the recorded static\n  neighbours and the routes of every table go back,\n  then one `ip -batch` takes the addresses off `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '`, takes the NIC out and deletes\n  `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '` (no gap for a reply to fall into); MTU and link state return as recorded.\n  A reboot undoes it as well.\n'

blocks = {}
debug_info = '1=13&2=15&5=17&6=19'
qemu_netgen_source_sum = '2704b3373986cf40f0f4c6cca2aff38214a1777c4bdce6bf169f6f74ea9c691d'

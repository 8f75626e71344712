from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/bridge-nmcli.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield '\n'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'step'))
    yield '. **`./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield '`** — makes bridge `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '` persistent with NetworkManager:\n   the bridge profile `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'connection'))
    yield '` (STP '
    yield str(('yes' if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stp') else 'no'))
    yield ', forward delay '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay'))
    yield ' s,\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dhcp'):
        pass
        yield '`ipv4.method auto`'
    else:
        pass
        yield '`ipv4.method manual` with '
        yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'cidr'))
        if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway'):
            pass
            yield ', gateway '
            yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway'))
        if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dns'):
            pass
            yield ', DNS '
            yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dns'), ', '))
    yield ", the NIC's MAC\n   so that DHCP hands out the same lease) and the port profile `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'port_connection'))
    yield '`\n   (`master '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'connection'))
    yield '`, `slave-type bridge`: NetworkManager 1.42 does not know\n   `controller`/`port-type`). It records `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield "`'s own profiles and their autoconnect\n   setting in `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'state_path'))
    yield '`, sets them to `connection.autoconnect no` so the bridge also\n   wins after a reboot, and activates port and bridge in one detached step, so a dropped SSH\n   session cannot stop it half-way; then it waits for the bridge'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dhcp'):
        pass
        yield ' to get its lease'
    yield '.\n   Running it again updates the two profiles in place; it never makes duplicates.\n   *Check:* `nmcli -f NAME,DEVICE connection show --active` lists `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'connection'))
    yield '` on\n   `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '` and `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'port_connection'))
    yield '` on `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '`; `ip -br addr show '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '` has the address.\n'

blocks = {}
debug_info = '2=19&3=25&4=31&5=47&6=49&7=51&8=53&10=55&12=59&13=61'
qemu_netgen_source_sum = '89cbea885d4caf16ee00cdc7cc87beeebef9fbc20ca53cec5acdefacd0543ce8'

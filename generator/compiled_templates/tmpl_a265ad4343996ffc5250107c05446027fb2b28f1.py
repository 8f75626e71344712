from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/bridge-ip.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    pass
    yield '\n'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'step'))
    yield '. **`./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield '`** — makes bridge `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield "` with `ip` (gone at the next\n   reboot) and moves the host's network from `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield "` onto it. It records the NIC's\n   IPv4 and IPv6 addresses, its routes of every table (both families), its static (permanent) neighbour\n   entries, MTU and state in `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'state_path'))
    yield '` first, then, in the order measured\n   to lose no packets: creates `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield "` with the NIC's MAC (STP "
    yield str(('on' if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stp') else 'off'))
    yield ', forward\n   delay '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay'))
    yield ' s = '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'forward_delay_cs'))
    yield " cs as iproute2 counts), brings it up, adds the\n   NIC's addresses to the bridge *while they are still on the NIC*, makes the NIC a port,\n   puts its static neighbours and `ip route replace`s its routes of every table and both\n   families (policy routing included) onto the bridge, and only then removes the addresses\n   from the NIC (which flushes its IPv4 routes; its IPv6 routes and neighbours are taken off).\n   IPv6 addresses join the bridge in the same `ip -batch` as the port (before it, the bridge's\n   prefix route would draw replies to a bridge without a port), without duplicate address\n   detection: they are the host's already."
    if (not environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'dhcp')):
        pass
        yield ' If '
        yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'cidr'))
        yield ' is not on the NIC yet, it is put on the bridge'
        if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway'):
            pass
            yield ' with a\n   default route via '
            yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'gateway'))
        yield '.'
    else:
        pass
        yield " With `address: dhcp` the current lease is moved as it is;\n   no DHCP client runs on the bridge, so stop the NIC's own client (or use `method: nmcli`)."
    yield '\n\n   **Lock-out guard:** if your SSH session (or any SSH session) reaches the host through\n   `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '`, the script refuses. Run it as `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield ' --confirm-within 120`:\n   it goes ahead and starts a detached timer that runs `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path'))
    yield '` after 120 s unless\n   you run `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield ' --confirm` by then (like `netplan try`). `--force` goes ahead\n   with no timer. If a step fails or is interrupted, the script puts back what it changed.\n   Running it again on a bridged host changes nothing.\n   *Check:* `ip -br addr show '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield "` has the host's address, `bridge link show`\n   lists `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '` as `forwarding`, `ip route` has the default route on `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '`.\n'

blocks = {}
debug_info = '2=13&3=19&5=21&6=23&7=27&14=31&15=39&18=45&19=49&20=51&23=53&24=55'
qemu_netgen_source_sum = 'd5080adc7ee79b5b2540596e89a090f120a7ce8966b6515d1785ea557c8825c2'

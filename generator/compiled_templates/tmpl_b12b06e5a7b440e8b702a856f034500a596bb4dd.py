from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'readme/bridge-stack.md.j2'

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
    yield '` persistent with '
    yield str(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'daemon'))
    yield "\n   and moves the host's network from `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '` onto it live, without a lost packet.\n   It installs '
    l_1_loop = missing
    for l_1_file, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'files'), undefined):
        _loop_vars = {}
        pass
        yield '`'
        yield str(environment.getattr(l_1_file, 'target'))
        yield '` (from `'
        yield str(environment.getattr(l_1_file, 'path'))
        yield '`, mode '
        yield str(environment.getattr(l_1_file, 'octal_mode'))
        yield ')'
        yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else ''))
    l_1_loop = l_1_file = missing
    yield ",\n   with the uplink's MAC pinned on the bridge ("
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink_mac'):
        pass
        yield '`'
        yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink_mac'))
        yield '`, checked against the NIC'
    else:
        pass
        yield 'read from the NIC and written where the file says `'
        yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mac_token'))
        yield '`'
    yield ')\n   so the DHCP lease and MAC-bound firewall rules stay; what a file replaces is kept in\n   `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'backup_dir'))
    yield "`. Then it does what method `ip` does: records\n   the NIC's IPv4 and IPv6 addresses, its routes of every table (both families), static\n   neighbours, MTU and state in `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'state_path'))
    yield '`, creates `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield "` with the NIC's MAC,\n   puts the addresses on it while they are still on the NIC, makes the NIC a port (IPv6\n   addresses join in the same `ip -batch`), moves neighbours and routes, and takes the\n   addresses off the NIC. Only then does "
    yield str(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'daemon'))
    yield ' read its files, and it finds the\n   bridge exactly as they describe it: nothing to change, no flap (not `netplan apply` or\n   `ifdown`/`ifup`, which lose seconds of traffic). After a reboot the stack alone makes the\n   bridge from the files. The script refuses, and says why, when another stack (or an earlier\n   file) manages `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield "`, when the NIC is Wi-Fi, a bond member or another bridge's port, or\n   when the stack's tools are missing.\n   **Lock-out guard:** over an SSH session through `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '` it refuses unless you run\n   `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield ' --confirm-within 120`: then a detached timer runs `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'undo_path'))
    yield '`\n   (files and live state) after 120 s unless you run `./'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path'))
    yield ' --confirm` by then.\n   `--force` goes ahead with no timer. A failed or interrupted step puts everything back.\n   Running it again changes nothing; with a changed bundle it installs the new files.\n   *Check:* `ip -br addr show '
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield "` has the host's address, `bridge link show` lists\n   `"
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'))
    yield '` as `forwarding`, `ip route` has the default route on `'
    yield str(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'))
    yield '`.\n'

blocks = {}
debug_info = '2=13&3=21&4=24&5=37&7=48&9=50&12=54&16=56&18=58&19=60&20=64&23=66&24=68'
qemu_netgen_source_sum = '74a4ce8bfea186e20a75c78e573c311503adbb651de14c71c86033457faa5b46'

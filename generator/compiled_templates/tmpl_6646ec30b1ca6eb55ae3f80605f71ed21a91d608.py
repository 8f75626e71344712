from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/bridge.yaml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_distro = resolve('distro')
    l_0_method = resolve('method')
    try:
        t_1 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield "# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: VMs on the host's own LAN through a bridge that takes over the\n# host's NIC. Render it with: qemu-netgen render FILE, then run preflight.sh.\nname: "
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield '  # debian | ubuntu | fedora | rhel | arch\n  # address: hv1.example.org  # where Ansible reaches the host (render --ansible)\nnetworks:\n  lan:\n    type: bridge\n    bridge: br0                 # the bridge to make (at most 15 characters)\n    uplink: enp3s0f1            # CHANGE: the physical NIC it takes over (ip -br link)\n    method: '
    yield str((undefined(name='method') if l_0_method is missing else l_0_method))
    yield "  # how the bridge is made and kept, on this distro's own stack:\n    # netplan (Ubuntu), ifupdown (Debian), networkd, nmcli (NetworkManager): persistent,\n    # moved live; ip: until reboot\n    stp: false\n    forward_delay: 0            # seconds\n    address: dhcp               # or: {cidr: 192.0.2.10/24, gateway: 192.0.2.1, dns: [192.0.2.1]}\nvms:\n  - name: vm1\n    memory: 2G\n    cpus: 2\n    disk: /var/lib/libvirt/images/vm1.qcow2\n    display: {vnc: 1}\n    nics:\n      - network: lan\n"

blocks = {}
debug_info = '5=21&7=23&14=25'
qemu_netgen_source_sum = '5ddf22eff20a400e7df62c72af9c85bf7b0be212bc2c943164acb170f4d7cdfb'

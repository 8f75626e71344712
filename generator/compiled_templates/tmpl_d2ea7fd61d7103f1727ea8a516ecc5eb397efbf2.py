from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/nat.yaml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_distro = resolve('distro')
    try:
        t_1 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: VMs behind a libvirt NAT network (virbr0, DHCP, masquerade).\n# The VMs reach out; nothing reaches in. Render it with: qemu-netgen render FILE\nname: '
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield '  # debian | ubuntu | fedora | rhel | arch\n  # address: hv1.example.org  # where Ansible reaches the host (render --ansible)\nnetworks:\n  default:                      # libvirt\'s network name\n    type: nat\n    bridge: virbr0              # the bridge libvirt creates (at most 15 characters)\n    subnet: 192.168.122.0/24    # must not overlap a network the host already routes\n    dhcp: {start: 192.168.122.2, end: 192.168.122.254}\n    # hosts:                    # fixed leases\n    #   - {mac: "52:54:00:00:00:10", ip: 192.168.122.10, name: vm1}\nvms:\n  - name: vm1\n    memory: 2G                  # 512M, 4G, ...\n    cpus: 2\n    disk: /var/lib/libvirt/images/vm1.qcow2\n    display: {vnc: 1}           # VNC on 127.0.0.1:5901; or: display: none\n    nics:\n      - network: default        # a MAC is derived when none is given\n'

blocks = {}
debug_info = '5=20&7=22'
qemu_netgen_source_sum = '9fc55ffa4ffe791162917137fc17c52266ffd3920959f2c3cba2b1836b74d65d'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/routed.yaml.j2'

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
    yield "# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: VMs on a libvirt network routed (not masqueraded) out of the\n# host's NIC, for hosts whose uplink drops foreign MACs (hosted servers) or is Wi-Fi. The\n# router upstream needs a route to the subnet through this host; the setup prints it.\n# Render it with: qemu-netgen render FILE\nname: "
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield "  # debian | ubuntu | fedora | rhel | arch\n  # address: hv1.example.org  # where Ansible reaches the host (render --ansible)\nnetworks:\n  routed:                       # libvirt's network name\n    type: routed\n    bridge: virbr1              # the bridge libvirt creates (at most 15 characters)\n    uplink: eno1                # the NIC (or host bridge) the subnet is routed out of\n    subnet: 203.0.113.0/28      # the block the router sends to this host\n    dhcp: {start: 203.0.113.2, end: 203.0.113.14}\nvms:\n  - name: vm1\n    memory: 2G                  # 512M, 4G, ...\n    cpus: 2\n    disk: /var/lib/libvirt/images/vm1.qcow2\n    nics:\n      - network: routed         # a MAC is derived when none is given\n"

blocks = {}
debug_info = '7=20&9=22'
qemu_netgen_source_sum = '6ceed627e884e4cec5bf1f45d4d34a7f6bc8d6aeaa22d1cfd622680aa1ed38d3'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/passthrough.yaml.j2'

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
    yield '# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: a physical NIC handed to one VM whole, through vfio-pci.\n# Needs the IOMMU on (intel_iommu=on on Intel). Render: qemu-netgen render FILE\nname: '
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield '  # debian | ubuntu | fedora | rhel | arch\n  # address: hv1.example.org  # where Ansible reaches the host (render --ansible)\nnetworks:\n  nic:\n    type: passthrough\n    device: "0000:81:00.0"      # CHANGE: the NIC\'s PCI address (lspci -D -nn | grep -i ethernet)\n    # interface: enp129s0f0     # its name on the host, if it has one: checked against bridges\n    # romfile: ""               # "" for no option ROM, or the path of one\nvms:\n  - name: vm1\n    memory: 4G\n    cpus: 2\n    disk: /var/lib/libvirt/images/vm1.qcow2\n    display: {vnc: 1}\n    nics:\n      - network: nic            # the VM gets the real NIC, with its own MAC\n'

blocks = {}
debug_info = '5=20&7=22'
qemu_netgen_source_sum = '649af87abc1a5c7f4034a8483f9848f31b21cdbb0ed4029e52562611e3f6272f'

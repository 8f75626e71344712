from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/isolated.yaml.j2'

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
    yield '# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: VMs on a libvirt network with no way out: they reach each other\n# and the host only. Render it with: qemu-netgen render FILE\nname: '
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield "  # debian | ubuntu | fedora | rhel | arch\n  # address: hv1.example.org  # where Ansible reaches the host (render --ansible)\nnetworks:\n  lab:                          # libvirt's network name\n    type: isolated\n    bridge: virbr2              # the bridge libvirt creates (at most 15 characters)\n    subnet: 10.10.10.0/24       # must not overlap a network the host already routes\n    dhcp: {start: 10.10.10.100, end: 10.10.10.200}\nvms:\n  - name: vm1\n    memory: 2G                  # 512M, 4G, ...\n    disk: /var/lib/libvirt/images/vm1.qcow2\n    nics:\n      - network: lab            # a MAC is derived when none is given\n  - name: vm2\n    memory: 2G\n    disk: /var/lib/libvirt/images/vm2.qcow2\n    nics:\n      - network: lab\n"

blocks = {}
debug_info = '5=20&7=22'
qemu_netgen_source_sum = 'b547d92dabe1dcca90c13e191816ed1abe3a2c2d3ab851f342a3231bb9f9d34e'

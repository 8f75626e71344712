from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init/user.yaml.j2'

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
    yield "# yaml-language-server: $schema=schema.json\n# (editors complete and check this file with the schema: qemu-netgen schema > schema.json)\n# A qemu-netgen profile: a VM with user-mode networking, started without root and without\n# any change to the host's network: its launch script starts passt for it. Render it with:\n# qemu-netgen render FILE\nname: "
    yield str(t_1(context.eval_ctx, (undefined(name='name') if l_0_name is missing else l_0_name)))
    yield "  # the bundle's folder name\nhost:\n  distro: "
    yield str((undefined(name='distro') if l_0_distro is missing else l_0_distro))
    yield "  # debian | ubuntu | fedora | rhel | arch\nnetworks:\n  uplink:\n    type: user\n    backend: passt              # or slirp: QEMU's built-in\n    forwards:                   # host port -> the VM's port, on 127.0.0.1 unless listen says\n      - {proto: tcp, host_port: 2222, port: 22}\nvms:\n  - name: vm1\n    memory: 2G                  # 512M, 4G, ...\n    cpus: 2\n    disk: /home/me/vms/vm1.qcow2\n    nics:\n      - network: uplink         # a MAC is derived when none is given\n"

blocks = {}
debug_info = '6=20&8=22'
qemu_netgen_source_sum = 'e709f5c474620f2453c5214e9f3f8344eacddb56769c952af89baeccd563cbf2'

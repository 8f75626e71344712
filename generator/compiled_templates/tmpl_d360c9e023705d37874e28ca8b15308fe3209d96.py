from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/meta/main.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible).\ngalaxy_info:\n  role_name: qemu_netgen\n  namespace: qemu_netgen\n  author: qemu-netgen\n  description: Roll qemu-netgen bundles out to QEMU/KVM hosts, host by host, without locking anyone out\n  license: MIT\n  min_ansible_version: "2.15"\n  platforms:\n    - name: Debian\n      versions:\n        - bookworm\n        - trixie\n    - name: Ubuntu\n      versions:\n        - all\n    - name: Fedora\n      versions:\n        - all\n    - name: EL\n      versions:\n        - all\n    - name: ArchLinux\n      versions:\n        - all\ndependencies: []\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'df24342c74b9183fd7c28bb85c13093ea51a6bd0f35cac98ce6e1b83b600a752'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/site.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fleet = resolve('fleet')
    pass
    yield "---\n# Written by qemu-netgen (render --ansible).\n#   roll out:  ansible-playbook site.yml\n#   undo:      ansible-playbook site.yml --tags teardown\n# Batches: the first host alone, then a quarter of the fleet at a time; the rollout stops\n# after a batch in which any host failed. Both are play keywords: only -e changes them\n# (-e qemu_netgen_serial=... -e qemu_netgen_max_fail_percentage=...; the role's README).\n- name: Connect the VMs of each host to its networks (qemu-netgen)\n  hosts: "
    yield str(environment.getattr((undefined(name='fleet') if l_0_fleet is missing else l_0_fleet), 'group'))
    yield '\n  gather_facts: false\n  become: true\n  serial: "{{ qemu_netgen_serial | default([1, \'25%\']) }}"\n  max_fail_percentage: "{{ qemu_netgen_max_fail_percentage | default(0) }}"\n  roles:\n    - role: qemu_netgen\n'

blocks = {}
debug_info = '9=13'
qemu_netgen_source_sum = '2dba17425eb416db46c11652c785c3f9efaaab99ceaf2572658441e73a410159'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/teardown.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). --tags teardown: the undo of every step, in\n# reverse order, then the bundle\'s folder goes.\n- name: Copy the bundle to the host (its undo scripts)\n  ansible.builtin.import_tasks: copy.yml\n\n- name: Undo the steps in reverse order\n  ansible.builtin.include_tasks:\n    file: undo.yml\n    apply:\n      tags: [teardown]\n  # (each item names its host, so each host keeps its own order: see apply.yml)\n  loop: "{{ qemu_netgen_runbook.steps | reverse | map(\'combine\', {\'host\': inventory_hostname}) | list }}"\n  loop_control:\n    loop_var: qemu_netgen_step\n    label: "{{ qemu_netgen_step.undo }}"\n\n- name: Remove the bundle from the host\n  ansible.builtin.file:\n    path: "{{ qemu_netgen_path }}"\n    state: absent\n  when: qemu_netgen_remove_bundle | bool\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '5145f274b9b53f0430e5311f17d4cdf1a3ecccba47a5ab3d27f01b8664b95211'

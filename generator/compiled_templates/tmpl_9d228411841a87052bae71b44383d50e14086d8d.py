from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/teardown.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). --tags teardown: the undo of every step, in\n# reverse order, then the bundle\'s folder goes.\n- name: Copy the bundle to the host (its undo scripts)\n  ansible.builtin.import_tasks: copy.yml\n\n- name: Undo the steps in reverse order\n  ansible.builtin.include_tasks:\n    file: undo.yml\n    apply:\n      tags: [teardown]\n  # (over positions, so that every host keeps its own order: see apply.yml)\n  loop: "{{ range(qemu_netgen_runbook.steps | length - 1, -1, -1) | list }}"\n  loop_control:\n    loop_var: qemu_netgen_index\n\n- name: Remove the bundle from the host\n  ansible.builtin.file:\n    path: "{{ qemu_netgen_path }}"\n    state: absent\n  when: qemu_netgen_remove_bundle | bool\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '32de0e1521c678a7265541e9b3998bef67084da466bfce7f795eaf31c501081f'

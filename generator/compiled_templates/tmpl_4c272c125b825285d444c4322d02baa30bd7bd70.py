from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/main.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible).\n- name: Read the runbook of the host\'s bundle\n  ansible.builtin.include_vars:\n    file: "{{ qemu_netgen_bundles }}/{{ qemu_netgen_bundle }}/steps.json"\n    name: qemu_netgen_runbook\n  tags: [always]\n\n- name: Roll the bundle out\n  ansible.builtin.import_tasks: apply.yml\n  tags: [apply]\n\n- name: Take the bundle back (--tags teardown)\n  ansible.builtin.import_tasks: teardown.yml\n  tags: [never, teardown]\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '72ce5a1f9cc41aad55e86e258b8957e064b98901aaa47a97d5ebab67adfb0dcb'

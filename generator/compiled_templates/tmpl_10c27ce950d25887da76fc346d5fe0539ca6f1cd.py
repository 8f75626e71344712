from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/undo.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). The undo of step qemu_netgen_index.\n- name: Pick the undo\n  ansible.builtin.set_fact:\n    qemu_netgen_step: "{{ qemu_netgen_runbook.steps[qemu_netgen_index] }}"\n    qemu_netgen_script: "{{ qemu_netgen_runbook.steps[qemu_netgen_index].undo }}"\n    qemu_netgen_args: []\n    qemu_netgen_confirm: false\n\n- name: "Undo the runbook\'s step {{ qemu_netgen_index + 1 }}"\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_script }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_ran\n  changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_step.cuts == \'none\'\n\n# (no variables on the include, as in apply.yml: the hosts stay in step)\n- name: "Undo a step that can cut this connection: step {{ qemu_netgen_index + 1 }}"\n  ansible.builtin.include_tasks: cut.yml\n  when: qemu_netgen_step.cuts != \'none\'\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '9746bf8b4322697a8e44d03964268c129cadfa76e7ec5c93b0b7a337c506b913'

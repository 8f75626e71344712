from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/step.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). Step qemu_netgen_index of the runbook; each\n# script says on its last line whether it changed the host ("result: changed" or\n# "result: unchanged"). The hosts of a batch run each task together, so a task\'s name says\n# nothing of one host\'s own (its script is in the task\'s result: cmd).\n- name: Pick the step\n  ansible.builtin.set_fact:\n    qemu_netgen_step: "{{ qemu_netgen_picked }}"\n    qemu_netgen_script: "{{ qemu_netgen_picked.apply }}"\n    qemu_netgen_args: "{{ [\'--confirm-within\', qemu_netgen_confirm_within | string] if qemu_netgen_picked.cuts == \'confirm\' else [] }}"\n    qemu_netgen_confirm: "{{ qemu_netgen_picked.cuts == \'confirm\' }}"\n  vars:\n    qemu_netgen_picked: "{{ qemu_netgen_runbook.steps[qemu_netgen_index] }}"\n\n- name: "Run the runbook\'s step {{ qemu_netgen_index + 1 }}"\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_script }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_ran\n  changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_step.cuts == \'none\'\n  notify: Start the VMs that start at boot\n\n# (no variables on the include, as in apply.yml: the hosts stay in step)\n- name: "Run a step that can cut this connection: step {{ qemu_netgen_index + 1 }}"\n  ansible.builtin.include_tasks: cut.yml\n  when: qemu_netgen_step.cuts != \'none\'\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'd238d312e1477c7abc54e70dc446e38401246f0cc4bba813ef2d5f244bbaba84'

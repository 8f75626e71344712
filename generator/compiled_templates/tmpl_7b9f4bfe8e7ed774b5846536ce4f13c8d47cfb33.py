from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/step.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). One step of the runbook; each script says on its\n# last line whether it changed the host ("result: changed" or "result: unchanged").\n- name: "Run the step {{ qemu_netgen_step.apply }}"\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_step.apply }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_ran\n  changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_step.cuts == \'none\'\n  notify: Start the VMs that start at boot\n\n- name: "Run the step that can cut this connection: {{ qemu_netgen_step.apply }}"\n  when: qemu_netgen_step.cuts != \'none\'\n  block:\n    - name: "Start the step, detached from this connection: {{ qemu_netgen_step.apply }}"\n      ansible.builtin.command:\n        argv: "{{ [\'./\' ~ qemu_netgen_step.apply] + qemu_netgen_guard }}"\n        chdir: "{{ qemu_netgen_path }}"\n      vars:\n        qemu_netgen_guard: "{{ [\'--confirm-within\', qemu_netgen_confirm_within | string] if qemu_netgen_step.cuts == \'confirm\' else [] }}"\n      async: "{{ (qemu_netgen_confirm_within | int) + 300 }}"\n      poll: 0\n      register: qemu_netgen_job\n      changed_when: false\n\n    - name: Drop the persistent SSH connection (a cut one would hang, not fail)\n      ansible.builtin.meta: reset_connection\n\n    - name: Reconnect to the host\n      ansible.builtin.wait_for_connection:\n        sleep: 1\n        timeout: "{{ qemu_netgen_reconnect_timeout | int }}"\n\n    - name: "Wait for the step to end: {{ qemu_netgen_step.apply }}"\n      ansible.builtin.async_status:\n        jid: "{{ qemu_netgen_job.ansible_job_id }}"\n      register: qemu_netgen_ran\n      until: qemu_netgen_ran.finished\n      retries: 300\n      delay: 1\n      changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n      notify: Start the VMs that start at boot\n\n    - name: "Confirm the step, so that it is not rolled back: {{ qemu_netgen_step.apply }}"\n      ansible.builtin.command:\n        argv: ["./{{ qemu_netgen_step.apply }}", --confirm]\n        chdir: "{{ qemu_netgen_path }}"\n      changed_when: false\n      when: qemu_netgen_step.cuts == \'confirm\'\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'e3033451c902536bb3b57cb6d97fabc66c2fbd31165683653b6fbe80afa4c588'

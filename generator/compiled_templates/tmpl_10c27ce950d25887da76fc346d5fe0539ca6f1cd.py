from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/undo.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). The undo of one step.\n- name: "Run the undo {{ qemu_netgen_step.undo }}"\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_step.undo }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_ran\n  changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_step.cuts == \'none\'\n\n- name: "Run the undo that can cut this connection: {{ qemu_netgen_step.undo }}"\n  when: qemu_netgen_step.cuts != \'none\'\n  block:\n    - name: "Start the undo, detached from this connection: {{ qemu_netgen_step.undo }}"\n      ansible.builtin.command:\n        argv: ["./{{ qemu_netgen_step.undo }}"]\n        chdir: "{{ qemu_netgen_path }}"\n      async: 600\n      poll: 0\n      register: qemu_netgen_job\n      changed_when: false\n\n    - name: Drop the persistent SSH connection (a cut one would hang, not fail)\n      ansible.builtin.meta: reset_connection\n\n    - name: Reconnect to the host\n      ansible.builtin.wait_for_connection:\n        sleep: 1\n        timeout: "{{ qemu_netgen_reconnect_timeout | int }}"\n\n    - name: "Wait for the undo to end: {{ qemu_netgen_step.undo }}"\n      ansible.builtin.async_status:\n        jid: "{{ qemu_netgen_job.ansible_job_id }}"\n      register: qemu_netgen_ran\n      until: qemu_netgen_ran.finished\n      retries: 600\n      delay: 1\n      changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '85f9faf3ea24338bbfc74ace1e577f0bfd732d6da6d0c5fa425c5c4cccf1eec2'

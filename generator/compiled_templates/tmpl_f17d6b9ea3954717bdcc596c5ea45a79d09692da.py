from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/cut.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). A script that can cut the SSH connection (a\n# bridge on the uplink that carries it): started detached from the connection, then the\n# play reconnects, collects the script\'s result and, for a step with a roll-back timer\n# (--confirm-within), confirms it. A host that does not answer in time fails here, and\n# rolls the step back by itself when the timer runs out.\n- name: Start the script, detached from this connection\n  ansible.builtin.command:\n    argv: "{{ [\'./\' ~ qemu_netgen_script] + qemu_netgen_args }}"\n    chdir: "{{ qemu_netgen_path }}"\n  async: "{{ (qemu_netgen_confirm_within | int) + 300 }}"\n  poll: 0\n  register: qemu_netgen_job\n  changed_when: false\n\n- name: Drop the persistent SSH connection (one that was cut would hang, not fail)\n  ansible.builtin.meta: reset_connection\n\n# (after a moment: the script makes its change in about a second, and a connection made\n# before it would be cut again)\n- name: Reconnect to the host\n  ansible.builtin.wait_for_connection:\n    delay: 2\n    sleep: 1\n    timeout: "{{ qemu_netgen_reconnect_timeout | int }}"\n\n- name: Wait for the script to end\n  ansible.builtin.async_status:\n    jid: "{{ qemu_netgen_job.ansible_job_id }}"\n  register: qemu_netgen_ran\n  until: qemu_netgen_ran.finished\n  retries: "{{ (qemu_netgen_confirm_within | int) + 300 }}"\n  delay: 1\n  changed_when: "qemu_netgen_ran.stdout_lines[-1:] == [\'result: changed\']"\n  notify: Start the VMs that start at boot\n\n- name: Confirm the step, so that it is not rolled back\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_script }}", --confirm]\n    chdir: "{{ qemu_netgen_path }}"\n  changed_when: false\n  when: qemu_netgen_confirm | bool\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '28f808bf1f3d41705d7d6faac6b696d4b3d32c0944c7a438ce288c96af8fe0a5'

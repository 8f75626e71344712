from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/apply.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible).\n- name: Copy the bundle to the host\n  ansible.builtin.import_tasks: copy.yml\n\n- name: Install the packages the bundle needs\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_runbook.packages }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_packages\n  changed_when: "qemu_netgen_packages.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_install_packages | bool\n\n- name: Run the bundle\'s preflight (a FAIL stops this host)\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_runbook.preflight }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  changed_when: false\n\n# The loop is over positions, the same for every host, and the include takes no variables\n# nor a label: Ansible runs an included file once for all the hosts whose include is the\n# same (file, item, variables, label), in the order first met across the hosts. With the steps as items (or\n# as variables), a step two bundles share (install-bridge-acl.sh, say) ran before a host\'s\n# own earlier steps; with anything of the host\'s in them, one host at a time.\n- name: Apply the steps in the runbook\'s order\n  ansible.builtin.include_tasks:\n    file: step.yml\n    apply:\n      tags: [apply]\n  loop: "{{ range(qemu_netgen_runbook.steps | length) | list }}"\n  loop_control:\n    loop_var: qemu_netgen_index\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'c64246f8914d3df8a8f45b0570da22cd482c9c8d81debc05f1ad76ffe4da6faf'

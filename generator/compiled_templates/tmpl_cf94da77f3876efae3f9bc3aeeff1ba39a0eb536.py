from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/apply.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible).\n- name: Copy the bundle to the host\n  ansible.builtin.import_tasks: copy.yml\n\n- name: Install the packages the bundle needs\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_runbook.packages }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  register: qemu_netgen_packages\n  changed_when: "qemu_netgen_packages.stdout_lines[-1:] == [\'result: changed\']"\n  when: qemu_netgen_install_packages | bool\n\n- name: Run the bundle\'s preflight (a FAIL stops this host)\n  ansible.builtin.command:\n    argv: ["./{{ qemu_netgen_runbook.preflight }}"]\n    chdir: "{{ qemu_netgen_path }}"\n  changed_when: false\n\n# Each item names its host: Ansible runs an include of the same file and item once for\n# every host that has it, in the order first met across the hosts, which would run a step\n# that two bundles share (install-bridge-acl.sh, say) before a host\'s own earlier steps.\n- name: Apply the steps in the runbook\'s order\n  ansible.builtin.include_tasks:\n    file: step.yml\n    apply:\n      tags: [apply]\n  loop: "{{ qemu_netgen_runbook.steps | map(\'combine\', {\'host\': inventory_hostname}) | list }}"\n  loop_control:\n    loop_var: qemu_netgen_step\n    label: "{{ qemu_netgen_step.apply }}"\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '17ca4a6a11d2c08890e669d97ee760f84f8956cd2bbd48fa82b828479627c961'

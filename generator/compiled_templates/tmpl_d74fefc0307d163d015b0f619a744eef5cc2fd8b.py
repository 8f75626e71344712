from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/handlers/main.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible).\n- name: Start the VMs that start at boot\n  ansible.builtin.systemd_service:\n    name: "{{ item }}"\n    state: started\n  loop: "{{ qemu_netgen_runbook.start }}"\n  when: qemu_netgen_start_vms | bool and \'teardown\' not in ansible_run_tags\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '46959ff89a3388f9458631606cf2fe63d23b8255a32926337dae93c16188ccbb'

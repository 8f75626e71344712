from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/tasks/copy.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). The bundle goes over as one archive (one\n# transfer, not one per file), packed on the controller the same way every time (GNU tar),\n# so that an unchanged bundle unpacks as no change; then the copy is checked against\n# SHA256SUMS on the host. Files of a former render stay: the undo script of a network the\n# profile no longer has is the way to take that network down.\n- name: Make a temporary file on the controller for the bundle\'s archive\n  ansible.builtin.tempfile:\n    suffix: .tar\n  register: qemu_netgen_archive\n  delegate_to: localhost\n  become: false\n  changed_when: false\n  check_mode: false\n\n- name: Copy the bundle to the host\n  block:\n    - name: Pack the bundle\n      ansible.builtin.command:\n        argv:\n          - tar\n          - --create\n          - --file={{ qemu_netgen_archive.path }}\n          - --directory={{ qemu_netgen_bundles }}/{{ qemu_netgen_bundle }}\n          - --sort=name\n          - --mtime=@0\n          - --owner=0\n          - --group=0\n          - --numeric-owner\n          - .\n      delegate_to: localhost\n      become: false\n      changed_when: false\n      check_mode: false\n\n    - name: Make the bundle\'s folder on the host\n      ansible.builtin.file:\n        path: "{{ qemu_netgen_path }}"\n        state: directory\n        owner: root\n        group: root\n        mode: "0755"\n\n    - name: Unpack the bundle on the host\n      ansible.builtin.unarchive:\n        src: "{{ qemu_netgen_archive.path }}"\n        dest: "{{ qemu_netgen_path }}"\n        owner: root\n        group: root\n  always:\n    - name: Remove the archive from the controller\n      ansible.builtin.file:\n        path: "{{ qemu_netgen_archive.path }}"\n        state: absent\n      delegate_to: localhost\n      become: false\n      changed_when: false\n      check_mode: false\n\n- name: Check the copy against SHA256SUMS\n  ansible.builtin.command:\n    argv: [sha256sum, --check, --strict, --quiet, SHA256SUMS]\n    chdir: "{{ qemu_netgen_path }}"\n  changed_when: false\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '657ddb1b6cc133207b80bb6061090564bc0ed69a089689ba8b18fad38a73572c'

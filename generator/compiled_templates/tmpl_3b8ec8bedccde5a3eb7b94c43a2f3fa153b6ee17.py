from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/roles/qemu_netgen/defaults/main.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fleet = resolve('fleet')
    pass
    yield '---\n# Written by qemu-netgen (render --ansible). Every setting of the role, with its default.\n\n# where the bundles are on the controller (as rendered: relative to the playbook), and\n# which one is this host\'s (a bundle is named as its profile; so is the inventory\'s host)\nqemu_netgen_bundles: "{{ playbook_dir }}/'
    yield str(environment.getattr((undefined(name='fleet') if l_0_fleet is missing else l_0_fleet), 'bundles'))
    yield '"\nqemu_netgen_bundle: "{{ inventory_hostname }}"\n\n# where the bundle goes on the host: its systemd units run its scripts from there, so it\n# stays (owned by root, writable by root only)\nqemu_netgen_dest: /opt/qemu-netgen\nqemu_netgen_path: "{{ qemu_netgen_dest }}/{{ qemu_netgen_bundle }}"\n\n# run the bundle\'s install-packages.sh (it installs only what is missing)\nqemu_netgen_install_packages: true\n\n# a step that can cut the SSH connection (a bridge on the uplink that carries it) runs with\n# --confirm-within this many seconds: unless the play reconnects and confirms in time, the\n# host rolls the step back by itself\nqemu_netgen_confirm_within: 120\n# how long the play tries to reconnect after such a step before it marks the host failed\n# (keep it below qemu_netgen_confirm_within: a host that answers only after its roll-back\n# is marked failed all the same, since --confirm then finds nothing to confirm)\nqemu_netgen_reconnect_timeout: 90\n\n# after a change, start the VMs whose profile says autostart (needs systemd running)\nqemu_netgen_start_vms: true\n\n# --tags teardown: remove the bundle\'s folder from the host once every undo step ran\nqemu_netgen_remove_bundle: true\n\n# Play keywords, read by site.yml before any host\'s variables: only -e sets them\n# qemu_netgen_serial: [1, "25%"]       batches: the first host alone, then 25 % at a time\n# qemu_netgen_max_fail_percentage: 0   stop the rollout after a batch with any failed host\n'

blocks = {}
debug_info = '7=13'
qemu_netgen_source_sum = '6b15a6b139a5c35a858e85479d29f73490bcf621beb7c231b18ba98c46344a82'

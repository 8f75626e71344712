from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/ansible.cfg.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield "# Written by qemu-netgen (render --ansible); render again to change it.\n[defaults]\ninventory = inventory.yml\nroles_path = roles\n# the rollout's batches are site.yml's serial; within a batch, one fork per host\nforks = 20\n\n[ssh_connection]\n# a connection that a step cut is noticed within 15 s, not after TCP gives up (minutes)\nssh_args = -o ControlMaster=auto -o ControlPersist=60s -o ServerAliveInterval=5 -o ServerAliveCountMax=3\npipelining = True\n"

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '6b1de7e63977329b4cd56cc7db087d50298338863f0c03b2c24aae3de8d7e9fc'

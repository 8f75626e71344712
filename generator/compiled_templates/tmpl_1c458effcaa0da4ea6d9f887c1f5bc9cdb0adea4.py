from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/ansible.cfg.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield "# Written by qemu-netgen (render --ansible); render again to change it.\n[defaults]\ninventory = inventory.yml\nroles_path = roles\n# the rollout's batches are site.yml's serial; within a batch, one fork per host\nforks = 20\n"

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'fd4733c946d2ede48e3d5cee2d24209f2b4890d8b349c28b093cc546dbd6c2c6'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ansible/inventory.yml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fleet = resolve('fleet')
    try:
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield "---\n# Written by qemu-netgen (render --ansible): one host per profile, named as the profile (and\n# its bundle). ansible_host comes from the profile's host.address. To use an inventory of\n# your own instead, put the hosts in group "
    yield str(environment.getattr((undefined(name='fleet') if l_0_fleet is missing else l_0_fleet), 'group'))
    yield " and give each its bundle's name in\n# qemu_netgen_bundle where the host's name differs.\n"
    yield str(environment.getattr((undefined(name='fleet') if l_0_fleet is missing else l_0_fleet), 'group'))
    yield ':\n  hosts:\n'
    for l_1_host in environment.getattr((undefined(name='fleet') if l_0_fleet is missing else l_0_fleet), 'hosts'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(environment.getattr(l_1_host, 'name')))
        yield ':\n'
        if (not t_2(environment.getattr(l_1_host, 'address'))):
            pass
            yield '      ansible_host: '
            yield str(t_1(environment.getattr(l_1_host, 'address')))
            yield '\n'
    l_1_host = missing

blocks = {}
debug_info = '4=25&6=27&8=29&9=33&10=35&11=38'
qemu_netgen_source_sum = 'bf5cd4b9c46178ae3a279c18aab93d7bb4961d086204ea2d8f01856bc86df62a'

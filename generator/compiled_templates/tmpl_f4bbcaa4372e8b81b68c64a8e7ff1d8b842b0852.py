from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/accept-ra.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    yield '# IPv6: libvirt turns IPv6 forwarding on for this network, and the kernel then drops the\n# routes an interface learnt from router advertisements unless its accept_ra is 2; libvirt\n# refuses to start the network where that would happen. The setup gives each interface with\n# such routes accept_ra=2, now and from boot (a drop-in), and records what it had; the\n# teardown puts the recorded values back.\nRA_DROPIN='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'), 'dropin')))
    yield '\nRA_MARKER='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'), 'marker')))
    yield '\nRA_STATE='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'), 'state_path')))
    yield '\nra_dropin_ours() { [[ -f $RA_DROPIN && ! -L $RA_DROPIN && $(awk \'NR == 1\' "$RA_DROPIN") == "$RA_MARKER" ]]; }\nra_dropin_foreign() { [[ -e $RA_DROPIN || -L $RA_DROPIN ]] && ! ra_dropin_ours; }\n# ra_key DEV: its accept_ra in sysctl\'s words (a dot in an interface name is written /)\nra_key() { printf \'net.ipv6.conf.%s.accept_ra\' "${1//.//}"; }\n'

blocks = {}
debug_info = '6=19&7=21&8=23'
qemu_netgen_source_sum = '562477ce14691217aeb9ea7525d695490d91f168cc609f1662003bed477d352e'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'preflight/nm-stack.sh.j2'

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
    try:
        t_2 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    pass
    yield '# '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'name')))
    yield ': the checks '
    yield str(t_2(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'apply_path')))
    yield ' makes before it changes anything\nUPLINK=$uplink BRIDGE=$bridge\n: "$BRIDGE"  # some of the checks name it\ndie() { printf \'%s: error: %s\\n\' "$PROG" "$*" >&2; exit 1; }  # inside the check\'s subshell only\n'
    template = environment.get_or_select_template(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'library'), 'preflight/nm-stack.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'if [[ $(link_field "$uplink" master) == "$bridge" ]]; then\n  pass "'
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'name')))
    yield ': $bridge is in place already"\nelif stack_out=$( (stack_check) 2>&1 ); then\n  pass '
    yield str(t_1(str_join((environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'daemon'), ' can take over ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ': no other stack or file claims ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'), ))))
    yield '\nelse\n  fail "${stack_out#*error: }"\nfi\n'

blocks = {}
debug_info = '1=25&5=29&7=36&9=38'
qemu_netgen_source_sum = '0b8c7fa059e9e60b2d3c2cf591e5142ae9e5b442bc4c991e992fc5c88c4c98b7'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/dispatcher.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_fw = l_0_title = missing
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
    l_0_fw = environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall')
    context.vars['fw'] = l_0_fw
    context.exported_vars.add('fw')
    l_0_title = str_join(("libvirt's network hook for libvirt before ", environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'dispatcher_since'), ', which runs only ', environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'dispatcher_installed'), '.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'libvirt/dispatcher.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'fw': l_0_fw, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'dispatcher_marker')))
    yield '\n#\n# It runs each executable file in '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'hook_dir')))
    yield ', in name order, with the same arguments\n# and the same input, as libvirt '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'dispatcher_since')))
    yield ' and later do themselves. The setup of a\n# bundle with port forwards installs it where libvirt is older and no such file exists;\n# the teardown removes it when the folder has no hook left. It may be shared by bundles.\nset -euo pipefail\n\nDIR='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'hook_dir')))
    yield '\ninput=$(cat; echo .)  # all of it, trailing newlines too\ninput=${input%.}\nstatus=0\nfor hook in "$DIR"/*; do\n  [[ -f $hook && -x $hook ]] || continue\n  "$hook" "$@" <<<"$input" || status=$?\ndone\nexit "$status"\n'

blocks = {}
debug_info = '1=25&2=28&3=31&4=37&6=39&7=41&12=43'
qemu_netgen_source_sum = '57382381dfb21100e00a8d48ebd2857381ed0bf6fd86b7a0f64ed4d9041afd3e'

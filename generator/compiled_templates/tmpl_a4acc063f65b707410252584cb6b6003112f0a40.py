from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'install-packages.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'install-packages.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'install-packages.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Install the ', environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'name'), ' packages that bundle ', environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'name'), ' needs.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'install-packages.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'install-packages.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nPACKAGES=('
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'packages')))
    yield ')\n# installed where the distribution release has them as packages of their own\nOPTIONAL=('
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'optional_packages')))
    yield ')\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nInstalls: ${PACKAGES[*]}\nSafe to run again: the package manager skips what is installed.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\n'
    if environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'refresh'):
        pass
        yield 'run '
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'refresh')))
        yield '\n'
    yield 'for package in "${OPTIONAL[@]}"; do\n  if '
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'known')))
    yield ' "$package" >/dev/null 2>&1; then PACKAGES+=("$package"); fi\ndone\nrun '
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'install')))
    yield ' "${PACKAGES[@]}"\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&8=43&19=45&23=52&24=55&27=58&29=60'
qemu_netgen_source_sum = 'be5678a1d5790bdf1f83c104ad4c02ea22d49afe0f7cfa960a218264075d64e8'

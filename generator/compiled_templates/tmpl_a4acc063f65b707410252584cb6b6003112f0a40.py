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
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    try:
        t_2 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_2(*unused):
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
    yield str(t_2(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'packages')))
    yield ')\n# installed where the distribution release has them as packages of their own\nOPTIONAL=('
    yield str(t_2(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'optional_packages')))
    yield ')\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nInstalls: ${PACKAGES[*]}\nSafe to run again: it installs only what is missing.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n'
    def macro():
        t_3 = []
        pass
        return concat(t_3)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\n# known PACKAGE: whether the package manager knows the package\nknown() { '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'known')))
    yield ' "$1" >/dev/null 2>&1; }\n\n# installed PACKAGE: whether the package is installed already\ninstalled() {\n  local out\n  out=$('
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'query')))
    yield ' "$1" 2>/dev/null) || return 1\n  [[ $out == '
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'query_installed')))
    yield ' ]]\n}\n\nmissing=() unknown=()\nfor package in "${PACKAGES[@]}"; do\n  installed "$package" || missing+=("$package")\ndone\n# an optional package not installed: installed too if the package lists know it (asked\n# again after their refresh, when one comes)\nfor package in "${OPTIONAL[@]}"; do\n  installed "$package" && continue\n  if known "$package"; then missing+=("$package"); else unknown+=("$package"); fi\ndone\nif (( ! ${#missing[@]} )); then\n  note "all installed: ${PACKAGES[*]}"\n  exit 0\nfi\n'
    if environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'refresh'):
        pass
        yield 'run '
        yield str(t_2(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'refresh')))
        yield '\nfor package in "${unknown[@]}"; do\n  if known "$package"; then missing+=("$package"); fi\ndone\n'
    yield 'run '
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'install')))
    yield ' "${missing[@]}"\n'

blocks = {}
debug_info = '1=25&2=31&3=34&4=40&6=47&8=49&19=51&26=58&31=60&32=62&49=64&50=67&55=70'
qemu_netgen_source_sum = 'c473fea248ab24ce33c7dd98645a7cbf92f832c1b2e9c69f6b1cccd6671f330a'

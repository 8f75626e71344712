from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'units/remove.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_units = resolve('units')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'units/remove.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'units/remove.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(("Stop, disable and remove the systemd units of this bundle's VMs (undoes ", environment.getattr((undefined(name='units') if l_0_units is missing else l_0_units), 'install_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'units/remove.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'units/remove.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n'
    template = environment.get_template('units/common.sh.j2', 'units/remove.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield "\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nFor each VM's unit that "
    yield str(t_1(environment.getattr((undefined(name='units') if l_0_units is missing else l_0_units), 'install_path')))
    yield " installed: stops it (the VM is asked to power\ndown and given its shutdown timeout), disables it and removes the file; then reloads\nsystemd. A file of the same name that is not this bundle's is left alone. Safe to run again.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n"
    def macro():
        t_2 = []
        pass
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nremoved=0\nfor ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n  name=${UNITS[i]} target=${UNITS[i + 2]} marker=${UNITS[i + 4]}\n  if [[ ! -e $target && ! -L $target ]]; then\n    note "unit $name is not installed"\n    continue\n  fi\n  if ! ours "$target" "$marker"; then\n    note "$target is not this bundle\'s unit: left alone"\n    continue\n  fi\n  systemd_running && note "stopping $name: the VM powers down (up to its shutdown timeout)"\n  retire "$target" || continue\n  removed=1\n  (( DRY_RUN )) || note "ok: unit $name removed"\ndone\n# and those of VMs an earlier render of the profile had\nwhile read -r stale; do\n  [[ -n $stale ]] || continue\n  retire "$stale" || continue\n  removed=1\n  (( DRY_RUN )) || note "ok: unit ${stale##*/} (no longer in the profile) removed"\ndone < <(stale_units)\nif (( removed )) && systemd_running; then\n  run systemctl daemon-reload\nfi\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&11=48&18=50'
qemu_netgen_source_sum = 'aebb1d997da47e85bd2d58737f98c51a9b096988809247dce58f079842a09d42'

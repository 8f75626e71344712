from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'acl/remove.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_acl = resolve('acl')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'acl/remove.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'acl/remove.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(("Remove this bundle's qemu-bridge-helper ACL (undoes ", environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'install_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'acl/remove.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'acl/remove.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nDEST='
    yield str(t_1(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'installed_path')))
    yield '\nMAIN='
    yield str(t_1(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'main_path')))
    yield '\nINCLUDE="include $DEST"\nMARKER='
    yield str(t_1(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'marker')))
    yield '\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nRemoves the line "$INCLUDE" from $MAIN and deletes $DEST.\n$MAIN itself is deleted only if install-bridge-acl.sh created it and nothing else is left in it.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nif [[ -f $MAIN ]] && grep -qxF -- "$INCLUDE" "$MAIN"; then\n  rest=$(grep -vxF -- "$INCLUDE" "$MAIN" || true)\n  if [[ $rest == "$MARKER" || -z $rest ]]; then\n    run rm -f -- "$MAIN"\n  elif (( DRY_RUN )); then\n    show_into \'>\' "$MAIN.new" grep -vxF -- "$INCLUDE" "$MAIN"\n    show mv -- "$MAIN.new" "$MAIN"\n  else\n    tmp=$(mktemp -- "$MAIN.XXXXXX")\n    printf \'%s\\n\' "$rest" >"$tmp"\n    chmod --reference="$MAIN" -- "$tmp"\n    chown --reference="$MAIN" -- "$tmp"\n    mv -f -- "$tmp" "$MAIN"\n    changed\n  fi\nelse\n  note "$MAIN does not include $DEST"\nfi\n\nif [[ -e $DEST ]]; then\n  run rm -f -- "$DEST"\nelse\n  note "$DEST is already gone"\nfi\n(( DRY_RUN )) || note "ok: the ACL of this bundle is removed"\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&6=41&7=43&9=45&20=47'
qemu_netgen_source_sum = 'a904503471ca2985895b792b7571b922c1fe40cb1ef6fd2381671615202101c0'

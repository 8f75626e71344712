from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'acl/install.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_acl = resolve('acl')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'acl/install.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'acl/install.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Let qemu-bridge-helper attach VMs to: ', t_1(context.eval_ctx, environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'bridges'), ', '), '.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'acl/install.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'acl/install.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)\n\nSRC="$HERE"/'
    yield str(t_2(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'conf_path')))
    yield '\nDEST='
    yield str(t_2(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'installed_path')))
    yield '\nMAIN='
    yield str(t_2(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'main_path')))
    yield '\nINCLUDE="include $DEST"\nMARKER='
    yield str(t_2(environment.getattr((undefined(name='acl') if l_0_acl is missing else l_0_acl), 'marker')))
    yield "\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nInstalls this bundle's qemu-bridge-helper ACL as $DEST and makes $MAIN\ninclude it. An existing $MAIN keeps its lines. Safe to run again.\nUndo with remove-bridge-acl.sh.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n"
    def macro():
        t_3 = []
        pass
        return concat(t_3)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n[[ -r $SRC ]] || die "$SRC is missing: run this script from inside its bundle"\n\n[[ -d ${DEST%/*} ]] || run install -d -m 0755 -- "${DEST%/*}"\nif [[ -f $DEST ]] && cmp -s -- "$SRC" "$DEST"; then\n  note "$DEST is up to date"\nelse\n  run install -m 0644 -- "$SRC" "$DEST"\nfi\n\nif [[ ! -e $MAIN ]]; then\n  if (( DRY_RUN )); then\n    show_into \'>\' "$MAIN" printf \'%s\\n\' "$MARKER" "$INCLUDE"\n  else\n    printf \'%s\\n\' "$MARKER" "$INCLUDE" >"$MAIN"\n    changed\n  fi\n  run chmod 0644 -- "$MAIN"\nelif grep -qxF -- "$INCLUDE" "$MAIN"; then\n  note "$MAIN already includes $DEST"\nelif (( DRY_RUN )); then\n  show_into \'>>\' "$MAIN" printf \'%s\\n\' "$INCLUDE"\nelse\n  printf \'%s\\n\' "$INCLUDE" >>"$MAIN"\n  changed\nfi\n\n# qemu-bridge-helper drops to the invoking user before it reads the ACL, so a user who\n# launches QEMU must be able to read both files.\nif [[ -e $MAIN ]]; then\n  mode=$(stat -c %a -- "$MAIN")\n  if (( (8#$mode & 8#004) == 0 )); then\n    note "warning: $MAIN (mode $mode) is not readable by every user; a non-root user who launches QEMU needs read access, or qemu-bridge-helper says: failed to parse default acl file"\n  fi\nfi\n(( DRY_RUN )) || note "ok: $MAIN includes $DEST"\n'

blocks = {}
debug_info = '1=25&2=31&3=34&4=40&7=47&8=49&9=51&11=53&23=55'
qemu_netgen_source_sum = '2b4d1923262a9b31cc12f23570e7282d3ab389fa056e63e1c3d66e92b8f74342'

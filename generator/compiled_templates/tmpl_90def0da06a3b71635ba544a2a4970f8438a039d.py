from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/hook-files.sh.j2'

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
    yield '# marked FILE MARKER: whether FILE is a regular file (not a link) whose fourth line is MARKER:\n# how the scripts know a hook or dispatcher as one a bundle installed (names can collide:\n# bundle a-b\'s network c, bundle a\'s network b-c).\nmarked() { [[ -f $1 && ! -L $1 && $(awk \'NR == 4\' "$1") == "$2" ]]; }\n\n# drop_dispatcher: the dispatcher a bundle installed for a libvirt before 6.5 goes once the\n# hooks folder has no hook left for it to run (this bundle\'s is gone by then).\ndrop_dispatcher() {\n  local dispatcher='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_installed')))
    yield ' folder='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_dir')))
    yield '\n  local marker='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_marker')))
    yield ' hook\n  marked "$dispatcher" "$marker" || return 0\n  for hook in "$folder"/*; do\n    if [[ -e $hook ]] && ! { (( DRY_RUN )) && [[ $hook == "$HOOK_INSTALLED" ]]; }; then\n      return 0\n    fi\n  done\n  run rm -f -- "$dispatcher"\n}\n'

blocks = {}
debug_info = '9=19&10=23'
qemu_netgen_source_sum = '35928b245ef92d04205aca54c36cf135b2cc14efb63e3ae1473de02add25d9e1'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/args.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_parse_args = missing
    pass
    def macro(l_1_caller):
        t_1 = []
        pass
        t_1.extend((
            'while (( $# )); do\n  case $1 in\n    -n|--dry-run) DRY_RUN=1 ;;\n',
            str(context.call(l_1_caller)),
            '    -h|--help) usage; exit 0 ;;\n    *) usage_error "unknown argument: $1" ;;\n  esac\n  shift\ndone\n',
        ))
        return concat(t_1)
    context.exported_vars.add('parse_args')
    context.vars['parse_args'] = l_0_parse_args = Macro(environment, macro, 'parse_args', (), False, False, True, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=12&7=17'
qemu_netgen_source_sum = 'f52ab54f5a22a81bdb311614bb5c76f3713b04325d346487b28ab1ff2e755374'

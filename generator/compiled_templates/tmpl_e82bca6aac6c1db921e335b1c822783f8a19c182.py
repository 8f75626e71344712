from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/lib.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield 'set -euo pipefail\n\nPROG=${0##*/}\nDRY_RUN=0\n\nnote() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; }\ndie() { printf \'%s: error: %s\\n\' "$PROG" "$*" >&2; exit 1; }\nusage_error() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; usage >&2; exit 2; }\n\n# show WORD...: print a command the way it would be typed, quoting only where needed.\nshow() {\n  local out="" word\n  for word in "$@"; do\n    if [[ $word =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then out+="$word "; else out+="${word@Q} "; fi\n  done\n  printf \'%s\\n\' "${out% }"\n}\n\n# show_into OP FILE WORD...: print a command whose output goes to FILE (OP is > or >>).\nshow_into() {\n  local op=$1 file=$2\n  shift 2\n  printf \'%s %s %s\\n\' "$(show "$@")" "$op" "$(show "$file")"\n}\n\n# run WORD...: run a command that changes the host; with --dry-run only print it.\nrun() {\n  if (( DRY_RUN )); then show "$@"; else "$@"; fi\n}\n\nneed_root() {\n  (( DRY_RUN )) && return 0\n  [[ $(id -u) -eq 0 ]] || die "must run as root (or with --dry-run to print the commands only)"\n}\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = 'a822b4477c12e2bc5a534185a20196a153248f2c4fdaaa879ec6605069bc8975'

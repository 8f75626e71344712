from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/lib.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield 'set -euo pipefail\n\nPROG=${0##*/}\nDRY_RUN=0\nCHANGED=0  # set once this run changed the host (see report_result)\n\nnote() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; }\ndie() { printf \'%s: error: %s\\n\' "$PROG" "$*" >&2; exit 1; }\nusage_error() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; usage >&2; exit 2; }\n\n# show WORD...: print a command the way it would be typed, quoting only where needed.\nshow() {\n  local out="" word\n  for word in "$@"; do\n    if [[ $word =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then out+="$word "; else out+="${word@Q} "; fi\n  done\n  printf \'%s\\n\' "${out% }"\n}\n\n# show_into OP FILE WORD...: print a command whose output goes to FILE (OP is > or >>).\nshow_into() {\n  local op=$1 file=$2\n  shift 2\n  printf \'%s %s %s\\n\' "$(show "$@")" "$op" "$(show "$file")"\n}\n\n# run WORD...: run a command that changes the host; with --dry-run only print it.\nrun() {\n  if (( DRY_RUN )); then show "$@"; else CHANGED=1; "$@"; fi\n}\n\n# changed: note a change made other than through run (a file written, then renamed in).\nchanged() { (( DRY_RUN )) || CHANGED=1; }\n\n# run_script SCRIPT ARG...: run another of the bundle\'s scripts (with run); it counts as a\n# change of this one only when it reports one. Its result line is not passed on.\nrun_script() {\n  if (( DRY_RUN )); then show "$@"; return 0; fi\n  local out rc=0\n  out=$("$@") || rc=$?\n  [[ -z $out ]] || awk \'$0 !~ /^result: (un)?changed$/\' <<<"$out"\n  [[ $out != *"result: changed" ]] || CHANGED=1\n  return "$rc"\n}\n\n# report_result [STATUS]: the EXIT trap of the runbook\'s steps. A run that succeeds ends\n# with one line on standard output, "result: changed" or "result: unchanged", for\n# automation (the Ansible role\'s changed_when); a dry run or a failure prints none.\nreport_result() {\n  local rc=${1:-$?}\n  (( rc == 0 && ! DRY_RUN )) || return 0\n  if (( CHANGED )); then echo "result: changed"; else echo "result: unchanged"; fi\n}\n\nneed_root() {\n  (( DRY_RUN )) && return 0\n  [[ $(id -u) -eq 0 ]] || die "must run as root (or with --dry-run to print the commands only)"\n}\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '4d7972331680261b6b2ff6235b9f3c38b49ecb974ee11b520d0b4fcaebda09ed'

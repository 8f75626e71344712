from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/net.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '# Each helper captures a command\'s whole output before reading it: under pipefail a reader\n# that stops early (grep -q, awk\'s exit, head) would kill the writer with SIGPIPE and turn\n# a found answer into a failure, more often the busier the host.\n\n# link_field DEV KEY: a value from `ip -o link show dev DEV` (mtu, master, link/ether).\nlink_field() {\n  local out\n  out=$(ip -o link show dev "$1" 2>/dev/null) || return\n  awk -v key="$2" \'{ for (i = 1; i < NF; i++) if ($i "" == key) { print $(i + 1); exit } }\' <<<"$out"\n}\nlink_exists() { ip -o link show dev "$1" >/dev/null 2>&1; }\nadmin_up() {\n  local out\n  out=$(ip -o link show dev "$1" 2>/dev/null) || return\n  grep -q \'<[^>]*\\bUP\\b[^>]*>\' <<<"$out"\n}\n\n# dev_of_route ADDRESS: the device that `ip route get ADDRESS` goes out of, or nothing.\ndev_of_route() {\n  local out\n  out=$(ip -o route get "$1" 2>/dev/null) || return 0\n  awk \'{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }\' <<<"$out"\n}\n\n# default_route_devs: the device of each IPv4 default route, one a line.\ndefault_route_devs() {\n  ip -4 route show default 2>/dev/null | awk \'{ for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }\' || true\n}\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '95b6cffb7dcab0d362c83289a92d4c7c83b27961edf3a29a08b606aad9a64798'

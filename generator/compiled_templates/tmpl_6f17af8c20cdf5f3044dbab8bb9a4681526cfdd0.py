from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/state.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '# read_state ASSUMED: fill defined/active/autostart/persistent/current_uuid for $NET from\n# libvirt. With --dry-run on a machine without libvirt, ASSUMED (absent|running) stands in.\nread_state() {\n  local info names\n  defined=0 active=0 autostart=0 persistent=0 current_uuid=""\n  # The list is captured whole before it is searched: piped into a grep that stops at the\n  # first match, under pipefail, virsh dies of SIGPIPE now and then and "found" reads as\n  # "not there".\n  if command -v virsh >/dev/null 2>&1 && names=$(virsh net-list --all --name 2>/dev/null); then\n    grep -qxF -- "$NET" <<<"$names" || return 0\n    info=$(virsh net-info "$NET")\n    defined=1\n    [[ $(info_field Active "$info") == yes ]] && active=1\n    [[ $(info_field Autostart "$info") == yes ]] && autostart=1\n    [[ $(info_field Persistent "$info") == yes ]] && persistent=1\n    current_uuid=$(info_field UUID "$info")\n  elif (( DRY_RUN )); then\n    note "libvirt is not reachable here ($LIBVIRT_DEFAULT_URI); showing the steps for a host where $NET is $1"\n    if [[ $1 == running ]]; then defined=1 active=1 autostart=1 persistent=1; fi\n  else\n    command -v virsh >/dev/null 2>&1 || die "virsh not found: install the packages in README.md, \'Packages\'"\n    die "cannot reach libvirt at $LIBVIRT_DEFAULT_URI: is libvirtd running? (systemctl start libvirtd)"\n  fi\n  return 0\n}\n\n# info_field KEY TEXT: the value of "KEY: value" in virsh net-info output.\ninfo_field() { awk -F\': *\' -v key="$1" \'$1 "" == key { print $2 }\' <<<"$2"; }\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '445dde123ce7e501f24623aedd172f98a6e11cba69d817cf7891c76c20c3cc22'

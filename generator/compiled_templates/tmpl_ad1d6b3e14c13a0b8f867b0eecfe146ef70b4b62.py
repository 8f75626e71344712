from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'common/cutoff.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '# Who reaches this host through which interface: the SSH session this runs in, and the\n# default routes. Read once; cut_off_reasons uses them.\nssh_peer=${SSH_CONNECTION:-}\nssh_peer=${ssh_peer%% *}\nssh_dev=""\n[[ -z $ssh_peer ]] || ssh_dev=$(dev_of_route "$ssh_peer")\ndefault_devs=$(default_route_devs)\n\n# cut_off_reasons IFNAME: why taking IFNAME away from the host (passing its NIC through)\n# would cut the host off, one reason a line; nothing when it would not. The one rule that\n# both preflight and the bind script apply.\ncut_off_reasons() {\n  local ifname=$1 master addrs\n  if [[ -e $SYS/class/net/$ifname/master ]]; then\n    master=$(readlink "$SYS/class/net/$ifname/master")\n    printf \'is a port of bridge %s\\n\' "${master##*/}"\n  fi\n  if grep -qxF -- "$ifname" <<<"$default_devs"; then\n    printf \'carries the default route\\n\'\n  fi\n  if [[ -n $ssh_dev && $ssh_dev == "$ifname" ]]; then\n    printf \'carries this SSH session (from %s)\\n\' "$ssh_peer"\n  fi\n  addrs=$(ip -o addr show dev "$ifname" scope global 2>/dev/null | awk \'{ print $4 }\' | paste -sd \' \' -)\n  if [[ -n $addrs ]]; then\n    printf \'has address(es) %s\\n\' "$addrs"\n  fi\n  return 0\n}\n'

blocks = {}
debug_info = ''
qemu_netgen_source_sum = '949a61910e0bb02c76c8b2e5450514e95e3bcdb9fc5998f65cea46ccafd70839'

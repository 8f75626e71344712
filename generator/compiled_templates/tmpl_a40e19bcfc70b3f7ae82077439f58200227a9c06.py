from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stacks/netplan.sh.j2'

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
    template = environment.get_template('bridge/stacks/common.sh.j2', 'bridge/stacks/netplan.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'OUR_YAML='
    yield str(t_1(environment.getattr(environment.getitem(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'files'), 0), 'target')))
    yield '\n\n# other_netplan_files: the netplan files besides ours that name the uplink.\nother_netplan_files() {\n  local path\n  for path in /etc/netplan/*.yaml /run/netplan/*.yaml /lib/netplan/*.yaml /usr/lib/netplan/*.yaml; do\n    [[ -f $path && $path != "$OUR_YAML" ]] || continue\n    [[ -r $path ]] || die "cannot read $path: run as root to check that it does not name $UPLINK"\n    awk -v dev="$UPLINK" \'\n      { line = $0; sub(/#.*/, "", line); gsub(/[ \\t"\'"\'"\']/, "", line) }\n      index(line, dev ":") == 1 || line == "-" dev || index(line, "[" dev ",") || index(line, "[" dev "]") || index(line, "," dev ",") || index(line, "," dev "]") || index(line, "{" dev ":") || index(line, "," dev ":") { found = 1 }\n      END { exit (found ? 0 : 1) }\' "$path" && printf \'%s\\n\' "$path"\n  done\n  return 0\n}\n\nstack_check() {\n  command -v netplan >/dev/null 2>&1 || die "netplan is missing: method netplan needs netplan.io (install-packages.sh installs it)"\n  command -v networkctl >/dev/null 2>&1 || die "networkctl is missing: method netplan (renderer networkd) needs systemd-networkd"\n  networkd_running || die "systemd-networkd is not running: method netplan renders for it (systemctl enable --now systemd-networkd), or pick another method"\n  refuse_other_stacks networkd\n  refuse_earlier_network_file\n  local others\n  others=$(other_netplan_files)\n  [[ -z $others ]] || die "$(tr \'\\n\' \' \' <<<"$others")names $UPLINK too: netplan merges the files, so take $UPLINK out of it first (its address moves to $BRIDGE)"\n}\n\nstack_adopt() {\n  run netplan generate\n  networkd_reload\n}\nstack_let_go() { networkd_let_go_first; }\nstack_release() {\n  run rm -f -- "$LET_GO"\n  stack_adopt\n  networkd_let_go "$UPLINK"\n}\n'

blocks = {}
debug_info = '4=18&5=25'
qemu_netgen_source_sum = 'b25fc48c0cfc9b2a91da4ab82a8d03f419a4adf7a87bb99ea06a2311a485d818'

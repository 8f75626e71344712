from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/stacks/networkd.sh.j2'

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
    template = environment.get_template('bridge/stacks/common.sh.j2', 'bridge/stacks/networkd.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'NETWORK_FILE='
    yield str(t_1(environment.getattr(environment.getitem(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'files'), 2), 'target')))
    yield '  # the uplink\'s: Bridge=\n\n# match_names DEV FILE: whether FILE\'s [Match] section takes DEV (by Name=, MACAddress=,\n# Type=; a key it cannot judge from here counts as a match, to be safe).\nmatch_names() {\n  local dev=$1 file=$2 mac\n  mac=$(link_field "$dev" link/ether)\n  awk -v dev="$dev" -v mac="$mac" \'\n    function glob(p) { gsub(/[.+^$(){}|\\\\]/, "\\\\\\\\&", p); gsub(/\\*/, ".*", p); gsub(/\\?/, ".", p); return "^" p "$" }\n    /^[ \\t]*\\[/ { section = $0; gsub(/[ \\t]/, "", section); next }\n    section != "[Match]" || /^[ \\t]*(#|;|$)/ { next }\n    {\n      key = $0; sub(/=.*/, "", key); gsub(/[ \\t]/, "", key)\n      value = $0; sub(/^[^=]*=/, "", value)\n      keys++\n      n = split(value, words, /[ \\t]+/); hit = 0; negate = 0\n      for (i = 1; i <= n; i++) {\n        w = words[i]; if (w == "") continue\n        if (substr(w, 1, 1) == "!") { negate = 1; w = substr(w, 2) }\n        if (key == "Name" || key == "OriginalName") { if (dev ~ glob(w)) hit = 1 }\n        else if (key == "MACAddress" || key == "PermanentMACAddress") { if (tolower(w) == tolower(mac)) hit = 1 }\n        else if (key == "Type") { if (w == "ether") hit = 1 }\n        else hit = 1\n      }\n      if (negate) hit = !hit\n      if (!hit) miss = 1\n    }\n    END { exit (miss ? 1 : 0) }\' "$file"\n}\n\n# earlier_network_file: a .network file systemd-networkd reads before ours that takes the\n# uplink (the first match wins), if any.\nearlier_network_file() {\n  local dir path base\n  local -A seen=()\n  local -a files=()\n  for dir in /etc/systemd/network /run/systemd/network /usr/local/lib/systemd/network /usr/lib/systemd/network /lib/systemd/network; do\n    for path in "$dir"/*.network; do\n      [[ -e $path || -L $path ]] || continue\n      base=${path##*/}\n      [[ -z ${seen[$base]:-} ]] || continue\n      seen[$base]=1\n      [[ $(readlink -f -- "$path") != /dev/null ]] || continue\n      files+=("$base $path")\n    done\n  done\n\n  while read -r base path; do\n    [[ -n $base ]] || continue\n    [[ $path != "$NETWORK_FILE" ]] || return 0\n    [[ $base < ${NETWORK_FILE##*/} ]] || return 0\n    if match_names "$UPLINK" "$path"; then printf \'%s\\n\' "$path"; return 0; fi\n  done < <(printf \'%s\\n\' "${files[@]}" | LC_ALL=C sort)\n}\n\nstack_check() {\n  command -v networkctl >/dev/null 2>&1 || die "networkctl is missing: method networkd needs systemd-networkd (install-packages.sh installs it)"\n  networkd_running || die "systemd-networkd is not running: systemctl enable --now systemd-networkd (method networkd needs it), or pick another method"\n  refuse_other_stacks networkd\n  local earlier\n  earlier=$(earlier_network_file)\n  [[ -z $earlier ]] || die "$earlier takes $UPLINK before ${NETWORK_FILE##*/} does (systemd-networkd uses the first file that matches): take $UPLINK out of it or rename it to sort after ${NETWORK_FILE##*/}"\n}\n\n# stack_adopt / stack_release: systemd-networkd reads the files again; it finds the bridge\n# as the files describe it and keeps what is on it (KeepConfiguration=yes).\nstack_adopt() { run networkctl reload; }\nstack_let_go() { networkd_let_go_first; }\nstack_release() {\n  run rm -f -- "$LET_GO"\n  run networkctl reload\n  networkd_let_go "$UPLINK"\n}\n'

blocks = {}
debug_info = '2=18&3=25'
qemu_netgen_source_sum = 'b9df1e95bebe71cf4f7823c95a816380f6c60fc51ebf91e75801bd7f8db95085'

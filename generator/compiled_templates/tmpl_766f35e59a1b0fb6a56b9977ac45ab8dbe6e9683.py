from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/setup.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_parse_args = l_0_title = missing
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'libvirt/setup.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'libvirt/setup.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Define, start and autostart the libvirt ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'title'), ' ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name'), ' (bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), ', ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'subnet'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'libvirt/setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'libvirt/setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)\n\nNET='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name')))
    yield '\nUUID='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uuid')))
    yield '\nBRIDGE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge')))
    yield '\nXML="$HERE"/'
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'xml_path')))
    yield '\nAUTOSTART='
    yield str(t_1((1 if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'autostart') else 0)))
    yield '\nHOOK_INSTALLED='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_installed')))
    yield '\nHOOK_MARKER='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'marker')))
    yield '\n'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield 'HOOK="$HERE"/'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_path')))
        yield '\nDISPATCHER="$HERE"/'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_path')))
        yield '\nDISPATCHER_INSTALLED='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_installed')))
        yield '\nDISPATCHER_MARKER='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_marker')))
        yield '\nDISPATCHER_SINCE='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'dispatcher_since')))
        yield '\nHOOK_DIR='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'hook_dir')))
        yield '\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield 'DROPIN="$HERE"/'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'), 'source')))
        yield '\n'
        template = environment.get_template('libvirt/sysctl.sh.j2', 'libvirt/setup.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        template = environment.get_template('libvirt/accept-ra.sh.j2', 'libvirt/setup.sh.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield 'ra_changed=()  # "DEV VALUE": what this run changed, for its undo\nra_fixed=0 ra_state_had=0 ra_state_was="" ra_dropin_had=0 ra_dropin_was="" ra_dropin_new=0\n# ra_fix: accept_ra=2 where routes came from router advertisements (an interface at 0 has them\n# handled in user space, by systemd-networkd or NetworkManager: left alone); the drop-in to match\nra_fix() {\n  local dev was devs text\n  local -a lines=()\n  devs=$(ip -6 route show proto ra 2>/dev/null | awk \'{ for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }\' | sort -u || true)\n  (( DRY_RUN )) || ra_fixed=1\n  if [[ -f $RA_STATE ]]; then ra_state_had=1 ra_state_was=$(<"$RA_STATE"); fi\n  for dev in $devs; do\n    was=$(cat "/proc/sys/net/ipv6/conf/$dev/accept_ra" 2>/dev/null || true)\n    [[ -n $was && $was != 0 ]] || continue\n    lines+=("$(ra_key "$dev") = 2")\n    [[ $was == 2 ]] && continue\n    note "$dev takes router advertisements (accept_ra=$was): setting accept_ra=2, or IPv6 forwarding would drop its routes"\n    if (( ! DRY_RUN )); then\n      install -d -m 0755 -- "${RA_STATE%/*}"\n      awk -v dev="$dev" \'$1 == dev { found = 1 } END { exit !found }\' "$RA_STATE" 2>/dev/null ||\n        printf \'%s %s\\n\' "$dev" "$was" >>"$RA_STATE"\n      ra_changed+=("$dev $was")\n    fi\n    run sysctl -qw "$(ra_key "$dev")=2"\n  done\n  (( ${#lines[@]} )) || return 0\n  text=$(printf \'%s\\n\' "$RA_MARKER" "${lines[@]}")\n  if ra_dropin_ours; then\n    [[ $(<"$RA_DROPIN") != "$text" ]] || return 0\n    ra_dropin_had=1 ra_dropin_was=$(<"$RA_DROPIN")\n  else\n    ra_dropin_new=1\n  fi\n  if (( DRY_RUN )); then\n    show_into \'>\' "$RA_DROPIN" printf \'%s\\n\' "$RA_MARKER" "${lines[@]}"\n  else\n    printf \'%s\\n\' "$text" >"$RA_DROPIN"\n    changed\n  fi\n}\n# ra_undo: what ra_fix changed in this run, back: the values, the record, the drop-in\nra_undo() {\n  local entry\n  (( ra_fixed )) || return 0\n  for entry in "${ra_changed[@]}"; do\n    sysctl -qw "$(ra_key "${entry% *}")=${entry#* }" || note "could not put accept_ra of ${entry% *} back"\n  done\n  if (( ra_state_had )); then\n    printf \'%s\\n\' "$ra_state_was" >"$RA_STATE" || note "could not put $RA_STATE back"\n  else\n    rm -f -- "$RA_STATE"\n  fi\n  if (( ra_dropin_had )); then\n    printf \'%s\\n\' "$ra_dropin_was" >"$RA_DROPIN" || note "could not put $RA_DROPIN back"\n  elif (( ra_dropin_new )); then\n    rm -f -- "$RA_DROPIN"\n  fi\n}\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'):
        pass
        yield 'UPLINK='
        yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink')))
        yield '\nSUBNET='
        yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'subnet')))
        yield '\n'
    yield 'RESTART=0\n: "${LIBVIRT_DEFAULT_URI:=qemu:///system}"\nexport LIBVIRT_DEFAULT_URI\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--restart]\nDefines the libvirt network $NET from $XML (replacing an older definition of it),\nstarts it if it is not running and sets autostart'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield '; installs the libvirt hook\n$HOOK_INSTALLED that keeps its port forwards and applies them'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield '; installs\n$DROPIN_INSTALLED, which keeps forwarding on from boot'
    yield '. Safe to run again.\n  -n, --dry-run  print the commands that would change the host, change nothing\n  --restart      if the running network differs from the new definition, restart it\n                 (guests attached to $BRIDGE lose their link until they are restarted)\nUSAGE\n}\n\n'
    def macro():
        t_2 = []
        pass
        t_2.append(
            '    --restart) RESTART=1 ;;\n',
        )
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n[[ -r $XML ]] || die "$XML is missing: run this script from inside its bundle"\n'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield '[[ -r $HOOK ]] || die "$HOOK is missing: run this script from inside its bundle"\n'
    yield '\n'
    template = environment.get_template('libvirt/state.sh.j2', 'libvirt/setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nread_state absent\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        yield 'ra_dropin_foreign && die "$RA_DROPIN exists and is not this bundle\'s: move it away, then run again"\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield '[[ -r $DROPIN ]] || die "$DROPIN is missing: run this script from inside its bundle"\ndropin_foreign && die "$DROPIN_INSTALLED exists and is not this bundle\'s: move it away, then run again"\n'
    yield '\nif (( ! active )) && [[ -e /sys/class/net/$BRIDGE ]]; then\n  die "an interface $BRIDGE already exists and network $NET is not running: libvirt cannot create its bridge; pick another bridge name, or remove $BRIDGE"\nfi\n\ndefine_xml=$XML\nif (( defined )) && [[ -n $current_uuid && $current_uuid != "$UUID" ]]; then\n  # A network of this name was defined outside this bundle (a distribution\'s own\n  # \'default\', say). Replacing it needs its uuid: libvirt refuses a new one for the name.\n  note "network $NET already exists with uuid $current_uuid; keeping that uuid so the definition is replaced"\n  define_xml=$(mktemp)\n  sed "s|<uuid>$UUID</uuid>|<uuid>$current_uuid</uuid>|" "$XML" >"$define_xml"\nfi\n\n# defined_lines: virsh net-dumpxml output on stdin as sorted "path attributes" lines, one\n# per element, without what libvirt adds to a running network by itself: the root\'s\n# connections count, and a <nat> with only the default port range 1024-65535 (which means\n# the same as no <nat>). Two definitions that give the same lines define the same network.\ndefined_lines() {\n  awk \'\n    { line = $0; sub(/^[ \\t]+/, "", line) }\n    line ~ /^<\\// { depth--; next }\n    line !~ /^</ { next }\n    {\n      tag = line; sub(/^</, "", tag); sub(/[ \\/>].*$/, "", tag)\n      rest = substr(line, length(tag) + 2)\n      path = ""; for (i = 0; i < depth; i++) path = path "/" stack[i]\n      path = path "/" tag\n      opens = rest !~ /\\/>$/ && rest !~ /<\\//\n      if (rest !~ /<\\//) sub(/\\/?>$/, "", rest)\n      if (opens) stack[depth++] = tag\n      if (path == "/network") next\n      if (path == "/network/forward/nat" && rest == "") next\n      if (path == "/network/forward/nat/port" && rest == " start=\\047" "1024\\047 end=\\047" "65535\\047") next\n      print path rest\n    }\' | LC_ALL=C sort\n}\n\nbefore=""\n(( persistent )) && before=$(virsh net-dumpxml --inactive "$NET")\n\n'
    template = environment.get_template('libvirt/hook.sh.j2', 'libvirt/setup.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n# From here on, a failure puts back what was there: no definition, or the previous one,\n# running or not and with autostart as it was.\nchanging=1\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield 'dropin_new=0 dropin_was=""\n'
    yield 'was_active=$active was_autostart=$autostart was_persistent=$persistent\nundo_unfinished() {\n  local rc=$?\n  (( changing && ! DRY_RUN )) || { report_result "$rc"; return 0; }\n  trap - EXIT\n  note "stopped before the end (exit $rc); putting network $NET back as it was"\n  if (( ! defined )); then\n    virsh net-destroy "$NET" >/dev/null 2>&1 || true\n    virsh net-undefine "$NET" >/dev/null 2>&1 || true\n  else\n    if [[ -n $before ]]; then\n      virsh net-define /dev/stdin <<<"$before" >/dev/null || note "could not restore the previous definition"\n    elif (( ! was_persistent )); then\n      # it was transient: undefining a running network leaves it running, transient again\n      virsh net-undefine "$NET" >/dev/null 2>&1 || true\n    fi\n    read_state absent\n    if (( was_active && ! active )); then\n      virsh net-start "$NET" >/dev/null || note "could not start $NET again"\n    elif (( ! was_active && active )); then\n      virsh net-destroy "$NET" >/dev/null || note "could not stop $NET again"\n    fi\n    if (( persistent && was_autostart && ! autostart )); then\n      virsh net-autostart "$NET" >/dev/null || note "could not turn autostart of $NET back on"\n    elif (( persistent && ! was_autostart && autostart )); then\n      virsh net-autostart --disable "$NET" >/dev/null || note "could not turn autostart of $NET back off"\n    fi\n  fi\n  [[ $define_xml == "$XML" ]] || rm -f -- "$define_xml"\n  undo_hook\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        yield '  ra_undo\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield '  if (( dropin_new )); then\n    rm -f -- "$DROPIN_INSTALLED" || note "could not remove $DROPIN_INSTALLED"\n  elif [[ -n $dropin_was ]]; then\n    printf \'%s\\n\' "$dropin_was" >"$DROPIN_INSTALLED" || note "could not put $DROPIN_INSTALLED back"\n  fi\n'
    yield '  exit 1\n}\ntrap undo_unfinished EXIT\ntrap \'exit 130\' INT TERM\nchanged_before=$CHANGED\nrun virsh net-define "$define_xml"\nif (( ! DRY_RUN )); then\n  after=$(virsh net-dumpxml --inactive "$NET")\n  if (( persistent )) && [[ $before == "$after" ]]; then\n    note "definition of $NET unchanged"\n    CHANGED=$changed_before  # defined again as it was: no change\n  elif (( persistent )); then\n    note "definition of $NET updated"\n  else\n    note "network $NET defined"\n  fi\n  # the running network against its definition, as defined: not what libvirt adds at start\n  running_def="" new_def=""\n  if (( active )); then\n    running_def=$(virsh net-dumpxml "$NET" | defined_lines)\n    new_def=$(virsh net-dumpxml --inactive "$NET" | defined_lines)\n  fi\n  if [[ $running_def != "$new_def" ]]; then\n    if (( RESTART )); then\n      run virsh net-destroy "$NET"\n      active=0\n    else\n      note "the running network still has its previous definition; run again with --restart to apply it"\n    fi\n  fi\nfi\n\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'ipv6'):
        pass
        yield 'ra_fix\n'
    yield 'if (( active )); then\n  note "network $NET is already running"\nelse\n  run virsh net-start "$NET"\nfi\n\nif (( AUTOSTART && ! autostart )); then\n  run virsh net-autostart "$NET"\nelif (( ! AUTOSTART && autostart )); then\n  run virsh net-autostart --disable "$NET"\nfi\n\nif (( ! DRY_RUN )); then\n  [[ -d /sys/class/net/$BRIDGE/bridge ]] || die "network $NET is running but bridge $BRIDGE is missing"\n  note "ok: network $NET is running on bridge $BRIDGE"\nfi\n'
    if environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall'), 'forwards'):
        pass
        yield 'install_hook\n'
    else:
        pass
        yield 'drop_hook\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'sysctl'):
        pass
        yield 'if dropin_ours && cmp -s -- "$DROPIN" "$DROPIN_INSTALLED"; then\n  note "$DROPIN_INSTALLED unchanged"\nelse\n  if dropin_ours; then dropin_was=$(<"$DROPIN_INSTALLED"); else dropin_new=1; fi\n  run install -m 0644 "$DROPIN" "$DROPIN_INSTALLED"\nfi\n'
    yield 'changing=0\n[[ $define_xml == "$XML" ]] || rm -f -- "$define_xml"\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink'):
        pass
        yield '# the router upstream sends the subnet\'s traffic to this host only once told to\nvia=$(ip -4 -o addr show dev "$UPLINK" scope global 2>/dev/null | awk \'NR == 1 { sub(/\\/.*/, "", $4); print $4 }\' || true)\nnote "the router on $UPLINK\'s network reaches $SUBNET through this host only with this route (once, on the router): ip route add $SUBNET via ${via:-<the address of this host on $UPLINK>}"\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&7=41&8=43&9=45&10=47&11=49&12=51&13=53&14=55&15=58&16=60&17=62&18=64&19=66&20=68&22=70&23=73&24=75&26=81&27=83&86=90&87=93&88=95&98=98&99=101&107=105&114=115&118=119&121=126&124=129&169=133&174=140&207=144&210=147&249=151&268=155&273=161&283=165'
qemu_netgen_source_sum = 'b8e3510d9868c001310cdb70ed1ac0f24d73130f91586303f769e0dbd5bbc8b5'

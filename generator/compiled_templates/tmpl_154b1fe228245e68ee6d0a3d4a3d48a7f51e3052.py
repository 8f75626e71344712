from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vfio/bind.sh.j2'

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
    included_template = environment.get_template('common/args.sh.j2', 'vfio/bind.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'vfio/bind.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Bind PCI device ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'device'), ' and its IOMMU group to vfio-pci, for passthrough.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'vfio/bind.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'vfio/bind.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('vfio/lib.sh.j2', 'vfio/bind.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/net.sh.j2', 'vfio/bind.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'interface'):
        pass
        yield 'INTERFACE='
        yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'interface')))
        yield "  # the NIC's name on this host, as the profile says\n"
    yield 'DEVFS=${QEMU_NETGEN_DEVFS:-/dev}  # tests point this at a /dev-like tree\nRESTORE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'restore_path')))
    yield "\nFORCE=0\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--force]\nTakes $DEVICE and every other device of its IOMMU group from their host drivers and\nbinds them to vfio-pci (the driver_override method), recording the drivers they had in\n$STATE. Lasts until reboot; undo with $RESTORE. Safe to run again.\n  -n, --dry-run  print each write to sysfs, change nothing\n  --force        go ahead even if a device in the group carries the host's network\nUSAGE\n}\n\n"
    def macro():
        t_2 = []
        pass
        t_2.append(
            '    --force) FORCE=1 ;;\n',
        )
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\n# --- checks, before anything changes -----------------------------------------------\ngroups=$SYS/kernel/iommu_groups\nif [[ -z $(ls -A -- "$groups" 2>/dev/null) ]]; then\n  die "the IOMMU is off ($groups is empty): turn on VT-d (Intel) or AMD-Vi in the firmware; on Intel also boot with intel_iommu=on (iommu=pt keeps the host\'s own DMA fast); AMD\'s IOMMU is on unless amd_iommu=off is given"\nfi\n[[ -e $SYS/bus/pci/devices/$DEVICE ]] || die "there is no PCI device $DEVICE here (lspci -D lists them): check the profile\'s device"\n'
    if environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'interface'):
        pass
        yield 'if [[ -e $SYS/class/net/$INTERFACE && $(readlink -f "$SYS/class/net/$INTERFACE/device") != */"$DEVICE" ]]; then\n  die "$INTERFACE is not $DEVICE on this host: check the profile\'s device and interface"\nfi\n'
    yield 'group=$(group_of "$DEVICE") || die "$DEVICE has no IOMMU group: it cannot be passed through"\nmapfile -t MEMBERS < <(members "$group")\nnote "IOMMU group $group: ${MEMBERS[*]}"\n\n# Would taking a member away cut the host off its network?\n'
    template = environment.get_template('common/cutoff.sh.j2', 'vfio/bind.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield 'refuse=()\nfor member in "${MEMBERS[@]}"; do\n  for netdir in "$SYS/bus/pci/devices/$member/net/"*; do\n    [[ -e $netdir ]] || continue\n    ifname=${netdir##*/}\n    while read -r reason; do\n      refuse+=("$ifname ($member) $reason")\n    done < <(cut_off_reasons "$ifname")\n  done\ndone\nif (( ${#refuse[@]} )); then\n  for reason in "${refuse[@]}"; do note "refusing: $reason"; done\n  (( FORCE )) || die "taking these devices from the host would cut it off; move its network elsewhere first, or use --force"\n  note "going ahead anyway (--force)"\nfi\n\ntodo=()\nfor member in "${MEMBERS[@]}"; do\n  if is_pci_bridge "$member"; then\n    note "$member is a PCI bridge: left as it is"\n  elif [[ $(driver_of "$member") != vfio-pci ]]; then\n    todo+=("$member")\n  fi\ndone\nif (( ${#todo[@]} == 0 )); then\n  note "group $group is already bound to vfio-pci; nothing to do"\n  exit 0\nfi\n\n# vfio-pci first: if it cannot be loaded, nothing has changed and nothing is recorded\n[[ -d $SYS/bus/pci/drivers/vfio-pci ]] || run modprobe vfio-pci\n\n# --- record, then bind ------------------------------------------------------------------\n# Each member\'s driver and driver_override as they are now, so that restore puts back\n# exactly this (a record left by an unfinished run is older, so it is kept).\nmade_record=0\nif [[ ! -f $STATE ]]; then\n  record=()\n  for member in "${MEMBERS[@]}"; do record+=("$member $(where_is "$member")"); done\n  run install -d -m 0700 -- "${STATE%/*}"\n  if (( DRY_RUN )); then\n    show_into \'>\' "$STATE" printf \'%s\\n\' "${record[@]}"\n  else\n    printf \'%s\\n\' "${record[@]}" >"$STATE"\n    changed\n    made_record=1\n  fi\nfi\n\n# If a step fails, give back what was already taken, and say what could not be.\nbound=()\nundo_unfinished() {\n  local rc=$? member driver override now now_override\n  local -a left=()\n  (( ${#todo[@]} && ! DRY_RUN )) || { report_result "$rc"; return 0; }\n  trap - EXIT\n  note "stopped before the end (exit $rc); giving the devices back"\n  for member in "${bound[@]}"; do\n    read -r driver override <<<"$(recorded "$member" || echo "any (null)")"\n    put_back "$member" "$driver" "$override" 2>/dev/null || true\n    read -r now now_override <<<"$(where_is "$member")"\n    if [[ $now != "$driver" || $now_override != "$override" ]]; then\n      left+=("$member is left $(describe "$now" "$now_override"); it was $(describe "$driver" "$override")$(by_hand "$member" "$driver")")\n    fi\n  done\n  if (( ${#left[@]} )); then\n    for member in "${left[@]}"; do note "not given back: $member"; done\n    note "the record of what they were on stays in $STATE: once the cause is fixed, run $RESTORE from this bundle to finish (it puts each back as recorded)"\n  elif (( made_record )); then\n    rm -f -- "$STATE"\n  fi\n  exit 1\n}\ntrap undo_unfinished EXIT\n\nfor member in "${todo[@]}"; do\n  dev=$SYS/bus/pci/devices/$member\n  bound+=("$member")\n  write_sys vfio-pci "$dev/driver_override"\n  [[ $(driver_of "$member") == none ]] || write_sys "$member" "$dev/driver/unbind"\n  write_sys "$member" "$SYS/bus/pci/drivers_probe"\ndone\n\nif (( ! DRY_RUN )); then\n  for member in "${MEMBERS[@]}"; do\n    is_pci_bridge "$member" || [[ $(driver_of "$member") == vfio-pci ]] ||\n      die "$member is on $(driver_of "$member"), not vfio-pci, after binding"\n  done\n  [[ -e $DEVFS/vfio/$group ]] || die "$DEVFS/vfio/$group did not appear"\n  note "ok: group $group is on vfio-pci; QEMU can open $DEVFS/vfio/$group"\nfi\ntodo=()\n'

blocks = {}
debug_info = '1=19&2=25&3=28&4=34&5=40&6=46&8=53&9=56&12=59&26=61&39=71&49=75'
qemu_netgen_source_sum = 'e251584addb3f9cfd8409998e744893a919d6d2b9d7658a3ee1239de201618c5'

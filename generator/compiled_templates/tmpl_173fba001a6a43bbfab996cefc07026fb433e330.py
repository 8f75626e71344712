from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vfio/restore.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_parse_args = l_0_title = missing
    pass
    included_template = environment.get_template('common/args.sh.j2', 'vfio/restore.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'vfio/restore.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Give PCI device ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'device'), ' and its IOMMU group back to their host drivers (undoes ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bind_path'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'vfio/restore.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'vfio/restore.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('vfio/lib.sh.j2', 'vfio/restore.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nPuts every device of the group back on the driver and driver_override recorded in\n$STATE by the bind script (a device already so is left alone), then checks each.\nStop the VM first. Safe to run again.\n  -n, --dry-run  print each write to sysfs, change nothing\nUSAGE\n}\n\n'
    def macro():
        t_1 = []
        pass
        return concat(t_1)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\n\nrecord=()\nif [[ -f $STATE ]]; then\n  mapfile -t record <"$STATE"\nelif [[ -e $SYS/bus/pci/devices/$DEVICE ]] && group=$(group_of "$DEVICE"); then\n  # no record (it lives in /run, so this is the same boot): the group\'s vfio-pci devices\n  while read -r member; do\n    [[ $(driver_of "$member") != vfio-pci ]] || record+=("$member any (null)")\n  done < <(members "$group")\nfi\nif (( ${#record[@]} == 0 )); then\n  note "nothing of $DEVICE\'s group is on vfio-pci; nothing to do"\n  exit 0\nfi\n\n# each device back on its recorded driver with its recorded driver_override; one that is\n# already so (bind left it alone, or it was put back before) is not touched\nfor entry in "${record[@]}"; do\n  read -r member driver override <<<"$entry"\n  [[ -e $SYS/bus/pci/devices/$member ]] || { note "$member is gone from this host; skipped"; continue; }\n  put_back "$member" "$driver" "${override:-(null)}"\ndone\n\nif (( DRY_RUN )); then\n  show rm -f -- "$STATE"\n  exit 0\nfi\nwrong=()\nfor entry in "${record[@]}"; do\n  read -r member driver override <<<"$entry"\n  override=${override:-(null)}\n  [[ -e $SYS/bus/pci/devices/$member ]] || continue\n  read -r now now_override <<<"$(where_is "$member")"\n  if [[ $driver == any ]]; then\n    note "$member is $(describe "$now" "$now_override")"\n  elif [[ $now != "$driver" ]]; then\n    if [[ $driver != none && ! -d $SYS/bus/pci/drivers/$driver ]]; then\n      wrong+=("$member is $(describe "$now" "$now_override"), not on its driver $driver, which is not loaded (modprobe $driver, then run $PROG again)")\n    else\n      wrong+=("$member is $(describe "$now" "$now_override"), not on its driver $driver: the kernel did not take it back (dmesg tells why)$(by_hand "$member" "$driver")")\n    fi\n  elif [[ $now_override != "$override" ]]; then\n    wrong+=("$member has driver_override $now_override, not $override as recorded")\n  fi\ndone\nif (( ${#wrong[@]} )); then\n  for entry in "${wrong[@]}"; do note "not restored: $entry"; done\n  die "the record stays in $STATE for another run of $PROG"\nfi\nrm -f -- "$STATE"\nnote "ok: every device is back on its driver"\n'

blocks = {}
debug_info = '1=13&2=19&3=22&4=28&5=34&17=41'
qemu_netgen_source_sum = '37b2096ad4327d1a1cb34197c1333796ace5b087926ef3450154d1486711cbc0'

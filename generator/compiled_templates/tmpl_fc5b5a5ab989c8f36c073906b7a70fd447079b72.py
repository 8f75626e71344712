from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vm/stop.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_vm = resolve('vm')
    l_0_parse_args = l_0_unit = l_0_title = missing
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    try:
        t_2 = environment.filters['sh_comment']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sh_comment' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'vm/stop.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'vm/stop.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_unit = environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit')
    context.vars['unit'] = l_0_unit
    context.exported_vars.add('unit')
    l_0_title = str_join(('Power down VM ', environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'name'), ' cleanly: ACPI power button over QMP, then wait for QEMU to exit.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'vm/stop.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title, 'unit': l_0_unit}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '# It runs as the VM\'s user (the unit\'s User=), so it needs no root and changes no host setting.\nset -euo pipefail\n\nPROG=${0##*/}\nDRY_RUN=0\n\nnote() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; }\ndie() { printf \'%s: error: %s\\n\' "$PROG" "$*" >&2; exit 1; }\nusage_error() { printf \'%s: %s\\n\' "$PROG" "$*" >&2; usage >&2; exit 2; }\n\nVM='
    yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'name')))
    yield '\nQMP='
    yield str(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'qmp_path')))
    yield '\nPIDFILE='
    yield str(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'pid_path')))
    yield '\nTIMEOUT='
    yield str(t_1(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'shutdown_timeout')))
    yield '\nPID=""\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--pid PID] [--timeout SECONDS]\nAsks VM $VM, started by its systemd unit ('
    yield str(t_2(environment.getattr((undefined(name='unit') if l_0_unit is missing else l_0_unit), 'name')))
    yield "), to power down: the\nACPI power button over the QMP socket $QMP. Waits until QEMU has exited, at most\n$TIMEOUT s; then it says so and leaves QEMU to systemd (SIGTERM, then SIGKILL) or to you.\nExits 0 when QEMU is gone or was not running, 1 when it is still running at the end.\n  --pid PID      QEMU's process (systemd passes \\$MAINPID); default: the one in $PIDFILE\n  --timeout S    how long to wait for the guest (default $TIMEOUT)\n  -n, --dry-run  print what would be sent, send nothing\nUSAGE\n}\n\n"
    def macro():
        t_3 = []
        pass
        t_3.append(
            '    --pid) (( $# >= 2 )) || usage_error "--pid needs a value"; PID=$2; shift ;;\n    --timeout) (( $# >= 2 )) || usage_error "--timeout needs a value"; TIMEOUT=$2; shift ;;\n',
        )
        return concat(t_3)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\n[[ $TIMEOUT =~ ^[0-9]+$ ]] || usage_error "--timeout takes whole seconds, not $TIMEOUT"\nif [[ -z $PID && -r $PIDFILE ]]; then\n  PID=$(<"$PIDFILE")\nfi\n[[ -z $PID || $PID =~ ^[0-9]+$ ]] || die "not a process id: $PID"\n\nrunning() { [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; }\n\nif ! running; then\n  note "VM $VM is not running${PID:+ (no process $PID)}; nothing to do"\n  exit 0\nfi\n[[ -S $QMP ]] || die "VM $VM runs (process $PID) but has no QMP socket $QMP: was it started by its unit?"\ncommand -v socat >/dev/null 2>&1 || die "socat not found: install the packages in README.md, \'Packages\'"\n\nrequest=$\'{"execute":"qmp_capabilities"}\\n{"execute":"system_powerdown"}\'\nif (( DRY_RUN )); then\n  printf \'socat -t 2 - %s\\n  its input: %s\\n\' "UNIX-CONNECT:$QMP" "${request//$\'\\n\'/, then }"\n  exit 0\nfi\n# QMP greets, answers each command with "return" (or "error"); -t 2: wait for the answers\nif ! answer=$(socat -t 2 - "UNIX-CONNECT:$QMP" <<<"$request" 2>&1); then\n  running || { note "VM $VM exited"; exit 0; }\n  die "could not talk to QEMU over $QMP: $answer"\nfi\nif [[ $answer == *\'"error"\'* ]]; then\n  die "QEMU refused the power-down: $answer"\nfi\nnote "asked VM $VM to power down; waiting up to $TIMEOUT s"\n# (counted in steps of 0.2 s: bash\'s SECONDS ticks whole seconds, which would cut it short)\nfor ((step = 0; step < TIMEOUT * 5; step++)); do\n  if ! running; then\n    note "VM $VM powered down"\n    exit 0\n  fi\n  sleep 0.2\ndone\nrunning || { note "VM $VM powered down"; exit 0; }\nnote "VM $VM did not power down within $TIMEOUT s (does the guest handle the ACPI power button?); QEMU (process $PID) is still running"\nexit 1\n'

blocks = {}
debug_info = '1=25&2=31&3=34&4=37&15=44&16=46&17=48&18=50&24=52&34=54'
qemu_netgen_source_sum = '02f904cc1ed8b28c3c213ca99c13c460664c95b94a5b697bd25007e40758b3cf'

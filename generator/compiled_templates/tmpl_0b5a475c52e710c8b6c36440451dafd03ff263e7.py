from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'units/common.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_units = resolve('units')
    try:
        t_1 = environment.filters['sh']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sh' found.")
    pass
    yield "# The units of this bundle: name, file in the bundle, installed file, autostart (1/0),\n# and the marker line that opens each (by which a unit is known as this bundle's).\nUNITS=(\n"
    for l_1_vm in environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'vms'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'name')))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'path')))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'installed')))
        yield ' '
        yield str(t_1((1 if environment.getattr(environment.getattr(l_1_vm, 'unit'), 'autostart') else 0)))
        yield ' '
        yield str(t_1(environment.getattr(environment.getattr(l_1_vm, 'unit'), 'marker')))
        yield '\n'
    l_1_vm = missing
    yield ')\nUNIT_FIELDS=5\nBUNDLE='
    yield str(t_1(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'name')))
    yield '\nUNIT_DIR='
    yield str(t_1(environment.getattr((undefined(name='units') if l_0_units is missing else l_0_units), 'unit_dir')))
    yield '\n\n# systemd_running: whether systemd is the service manager here (else the units are only\n# installed and enabled on disk, as in a chroot, and take effect at the next boot).\nsystemd_running() { [[ -d /run/systemd/system ]]; }\n\n# ours FILE MARKER: whether FILE is a unit this bundle installed.\nours() { [[ -f $1 && $(head -c 4096 -- "$1" | awk \'NR == 1\') == "$2" ]]; }\n\n# stale_units: this bundle\'s units installed for VMs that the profile no longer has (known\n# by their first line; a VM name holds no ", bundle "), one file per line.\nstale_units() {\n  local file first i known\n  for file in "$UNIT_DIR"/qemu-netgen-*.service; do\n    [[ -f $file && ! -L $file ]] || continue\n    first=$(head -c 4096 -- "$file" | awk \'NR == 1\')\n    [[ $first == "# qemu-netgen unit of VM "*", bundle $BUNDLE" ]] || continue\n    known=0\n    for ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n      [[ $file == "${UNITS[i + 2]}" ]] && known=1\n    done\n    (( known )) || printf \'%s\\n\' "$file"\n  done\n}\n\n# retire FILE: stop (the VM powers down), disable and remove an installed unit; returns 1\n# when it leaves a running unit whose stop script is gone.\nretire() {\n  local name=${1##*/} stop state\n  state=$(systemctl is-active -- "$name" 2>/dev/null || true)\n  if systemd_running && [[ $state == active || $state == activating || $state == reloading ]]; then\n    # the unit\'s stop script powers the guest down; where a new render removed it (a VM\n    # gone from the profile), stopping would cut the VM\'s power instead\n    stop=$(awk -F= \'$1 == "ExecStop" { split($2, w, " "); print w[1] }\' "$1")\n    if [[ -n $stop && ! -x $stop ]]; then\n      note "$name runs, and its stop script $stop is gone (the VM left the profile): power the VM down from inside (or systemctl stop $name to cut its power), then run this again; left as it is"\n      return 1\n    fi\n  fi\n  if systemd_running; then\n    # also a unit waiting to restart, which is-active would not call active\n    run systemctl stop -- "$name" || note "could not stop $name"\n  fi\n  if [[ $(systemctl is-enabled -- "$name" 2>/dev/null || true) == enabled ]]; then\n    run systemctl disable -- "$name"\n  fi\n  run rm -f -- "$1"\n}\n'

blocks = {}
debug_info = '4=20&5=24&9=36&10=38'
qemu_netgen_source_sum = '799b19c77538d7a16955e831c0ccb86a84110818d53bea50fa118ebfd5bfae77'

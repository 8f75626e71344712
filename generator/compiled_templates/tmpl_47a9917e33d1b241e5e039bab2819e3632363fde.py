from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vm/launch.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_vm = resolve('vm')
    l_0_plan = resolve('plan')
    l_0_parse_args = l_0_title = missing
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
    try:
        t_3 = environment.filters['sh_expand']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sh_expand' found.")
    try:
        t_4 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    try:
        t_5 = environment.filters['shq']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'shq' found.")
    pass
    included_template = environment.get_template('common/args.sh.j2', 'vm/launch.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'vm/launch.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = str_join(('Start VM ', environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'name'), ' with QEMU (', environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'memory'), ' memory, ', environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'cpus'), ' CPUs, accel ', environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'accel'), ').', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'vm/launch.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'vm/launch.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nVM='
    yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'name')))
    yield '\nQEMU='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'qemu')))
    yield '\nACCEL='
    yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'accel')))
    yield '\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'nics'):
        pass
        yield 'HELPER='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'distro'), 'bridge_helper')))
        yield '\nACL='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'), 'main_path')))
        yield '\nACL_SCRIPT='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'), 'install_path')))
        yield '\nVHOST='
        yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'vhost')))
        yield '\n'
    yield 'EXTRA=()\nSERVICE=0\nUNIT='
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'name')))
    yield '\nRUNTIME_DIR='
    yield str(t_1(str_join(('/run/', environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'runtime_dir'), ))))
    yield "\n\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run] [--service] [-- QEMU-ARG...]\nChecks what VM $VM needs on this host, then runs QEMU in the foreground.\nArguments after -- are appended to the QEMU command line.\n  -n, --dry-run  print the checks' findings and the full QEMU command, start nothing\n  --service      as its systemd unit runs it: wait up to "
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'bridge_wait')))
    yield ' s for the bridges, and\n                 give QEMU a QMP socket and a pid file in $RUNTIME_DIR\nUSAGE\n}\n\n'
    def macro():
        t_6 = []
        pass
        t_6.append(
            '    --) shift; EXTRA=("$@"); break ;;\n    --service) SERVICE=1 ;;\n',
        )
        return concat(t_6)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'bridges'):
        pass
        yield "\n# a unit may start before libvirt or the host's network stack has brought the bridges up\nif (( SERVICE && ! DRY_RUN )); then\n  bridges=("
        yield str(t_4(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'bridges')))
        yield ')\n  wait_s=${QEMU_NETGEN_BRIDGE_WAIT:-'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'bridge_wait')))
        yield '}\n  for bridge in "${bridges[@]}"; do\n    waited=0\n    while [[ ! -d /sys/class/net/$bridge/bridge ]] && (( waited < wait_s * 10 )); do\n      sleep 0.1\n      waited=$((waited + 1))\n    done\n    (( waited == 0 )) || note "waited $((waited / 10)) s for bridge $bridge"\n  done\nfi\n'
    yield '\nproblems=()\ncommand -v "$QEMU" >/dev/null 2>&1 || problems+=("$QEMU not found: install the packages in README.md, \'Packages\'")\nif [[ $ACCEL == kvm ]] && ! [[ -r /dev/kvm && -w /dev/kvm ]]; then\n  problems+=("/dev/kvm is missing or not accessible: enable virtualization in the firmware, load kvm_intel or kvm_amd, and add $(id -un) to group kvm (or set accel: tcg in the profile)")\nfi\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'nics'):
        pass
        yield '\n# acl_verdict BRIDGE: allow, deny or none, as qemu-bridge-helper would decide from $ACL\n# and the files it includes (any matching deny wins over allow).\nacl_verdict() {\n  local file\n  local -a files=("$ACL")\n  while read -r file; do files+=("$file"); done < <(awk \'$1 == "include" { print $2 }\' "$ACL")\n  { cat -- "${files[@]}" 2>/dev/null || true; } | awk -v br="$1" \'\n    ($1 == "allow" || $1 == "deny") && ($2 "" == br || $2 == "all") { seen[$1] = 1 }\n    END { print (seen["deny"] ? "deny" : seen["allow"] ? "allow" : "none") }\'\n}\n\nif [[ ! -x $HELPER ]]; then\n  problems+=("$HELPER not found: install the packages in README.md, \'Packages\'")\nelif [[ $(id -u) -ne 0 && ! -u $HELPER && $(getcap -- "$HELPER" 2>/dev/null || true) != *cap_net_admin* ]]; then\n  problems+=("$HELPER can\'t create taps for $(id -un) (neither setuid root nor cap_net_admin): run as root, or chmod u+s $HELPER")\nfi\nif [[ ! -r $ACL ]]; then\n  problems+=("$ACL is missing or unreadable for $(id -un) (qemu-bridge-helper: failed to parse default acl file): run $ACL_SCRIPT")\nfi\n'
        for (l_1_bridge, l_1_provider) in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'bridge_providers'):
            _loop_vars = {}
            pass
            yield 'if [[ ! -d /sys/class/net/'
            yield str(t_1(l_1_bridge))
            yield '/bridge ]]; then\n  problems+=('
            yield str(t_1(str_join(('bridge ', l_1_bridge, ' does not exist: run ', l_1_provider, ))))
            yield ')\nfi\nif [[ -r $ACL && $(acl_verdict '
            yield str(t_1(l_1_bridge))
            yield ') != allow ]]; then\n  problems+=('
            yield str(t_1(str_join(('the ACL does not allow bridge ', l_1_bridge, ' (qemu-bridge-helper: access denied by acl file): run ', environment.getattr(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'acl'), 'install_path'), ))))
            yield ')\nfi\n'
        l_1_bridge = l_1_provider = missing
        yield '\nvhost_usable() { [[ -r /dev/vhost-net && -w /dev/vhost-net ]]; }\ncase $VHOST in\n  on)\n    vhost=on\n    vhost_usable || problems+=("/dev/vhost-net is not accessible (the profile says vhost: on): modprobe vhost_net and add $(id -un) to group kvm, or set vhost: auto")\n    ;;\n  off) vhost=off ;;\n  *)\n    vhost=off\n    if vhost_usable; then vhost=on; else note "/dev/vhost-net is not usable here; networking runs without vhost"; fi\n    ;;\nesac\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'vfio'):
        pass
        yield '\n# passthrough: the device must be on vfio-pci, and vfio pins all guest memory\n'
        for l_1_dev in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'vfio'):
            _loop_vars = {}
            pass
            yield 'driver=$(readlink /sys/bus/pci/devices/'
            yield str(t_1(environment.getattr(l_1_dev, 'device')))
            yield '/driver 2>/dev/null || true)\nif [[ ${driver##*/} != vfio-pci ]]; then\n  problems+=('
            yield str(t_1(str_join(('PCI device ', environment.getattr(l_1_dev, 'device'), ' is not bound to vfio-pci (QEMU would say: group N is not viable): run ', environment.getattr(l_1_dev, 'provider'), ))))
            yield ')\nfi\n'
        l_1_dev = missing
        yield 'if [[ $(id -u) -ne 0 ]]; then\n  need_kib='
        yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'memory_kib')))
        yield '\n  memory='
        yield str(t_1(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'memory')))
        yield '\n  have_kib=$(ulimit -l)\n  if [[ $have_kib != unlimited ]] && (( have_kib < need_kib )); then\n    problems+=("the memlock limit is $have_kib KiB, below the guest\'s $memory ($need_kib KiB) that vfio pins: raise it (ulimit -l, memlock in /etc/security/limits.conf, or LimitMEMLOCK=) or run as root")\n  fi\nfi\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
        pass
        yield "\n# user-mode NICs: a passt for each, started below and stopped when QEMU exits; pid files in\n# $PASST_DIR, sockets in $SOCKET_DIR. Started by root, passt runs as nobody: root's sockets\n# go in a folder of nobody's inside a folder of root's, which holds the pid files.\nPASST_NAME="
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'runtime_dir')))
        yield '\nif (( EUID == 0 )); then\n  PASST_DIR='
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'passt_dir')))
        yield '\n  SOCKET_DIR=$PASST_DIR/'
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'unit'), 'passt_sockets')))
        yield '\nelif (( SERVICE )); then\n  PASST_DIR=$RUNTIME_DIR SOCKET_DIR=$RUNTIME_DIR\nelse\n  PASST_DIR=${XDG_RUNTIME_DIR:+$XDG_RUNTIME_DIR/$PASST_NAME}\n  SOCKET_DIR=$PASST_DIR\n  [[ -n $PASST_DIR ]] || problems+=("XDG_RUNTIME_DIR is not set, where passt\'s sockets go for $(id -un): log in with a session that sets it, or export XDG_RUNTIME_DIR=/run/user/$(id -u)")\nfi\ncommand -v passt >/dev/null 2>&1 || problems+=("passt not found: install the packages in README.md, \'Packages\'")\n'
        for l_1_passt in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
            _loop_vars = {}
            pass
            yield 'socket=$SOCKET_DIR/'
            yield str(t_1(environment.getattr(l_1_passt, 'socket')))
            yield '\n(( ${#socket} <= 107 )) || problems+=("$socket is longer than a UNIX socket\'s path may be (107 bytes): set XDG_RUNTIME_DIR to a shorter folder")\nprintf -v '
            yield str(t_1(environment.getattr(l_1_passt, 'variable')))
            yield ' \'%s\' "${socket//,/,,}"  # as QEMU reads it: a comma doubled\n'
        l_1_passt = missing
        yield '\npasst_pids=() passt_files=() passt_dirs=()\nstop_passts() {\n  local pid dir\n  for pid in "${passt_pids[@]}"; do kill "$pid" 2>/dev/null || true; done\n  rm -f -- "${passt_files[@]}"\n  for dir in "${passt_dirs[@]}"; do rmdir -- "$dir" 2>/dev/null || true; done\n}\n\n# make_passt_dirs: the folders, as this user needs them (those made here go again after)\nmake_passt_dirs() {\n  if (( EUID == 0 )); then\n    run install -d -o 0 -g 0 -m 0755 -- "$PASST_DIR"\n    run install -d -o nobody -m 0700 -- "$SOCKET_DIR"\n    passt_dirs=("$SOCKET_DIR" "$PASST_DIR")\n  elif (( ! SERVICE )); then\n    run install -d -m 0700 -- "$PASST_DIR"\n    passt_dirs=("$PASST_DIR")\n  fi\n}\n\n# supervise COMMAND...: QEMU as this script\'s child, so that its passt stops with it; a\n# signal to this script (systemd\'s stop, Ctrl-C) goes on to QEMU. Its status is the script\'s.\nsupervise() {\n  local child\n  "$@" <&0 &\n  child=$!\n  trap \'kill -TERM "$child" 2>/dev/null || true\' TERM INT HUP\n  while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done\n  wait "$child"\n}\n\n# start_passt SOCKET PIDFILE OPTION...: one passt in the background, its socket ready\nstart_passt() {\n  local socket=$SOCKET_DIR/$1 pidfile=$PASST_DIR/$2 pid="" waited=0\n  shift 2\n  if [[ -f $pidfile && ! -L $pidfile ]]; then pid=$(<"$pidfile"); fi\n  if [[ $pid =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null || true) == passt* ]]; then\n    die "passt of VM $VM already runs (process $pid, socket $socket): is the VM running? Stop it first, or end that passt (kill $pid)"\n  fi\n  rm -f -- "$socket" "$pidfile"\n  passt --foreground --one-off --quiet --socket "$socket" "$@" </dev/null &\n  pid=$!\n  passt_pids+=("$pid") passt_files+=("$socket" "$pidfile")\n  (set -o noclobber && printf \'%s\\n\' "$pid" >"$pidfile")\n  while [[ ! -S $socket ]]; do\n    kill -0 "$pid" 2>/dev/null || die "passt for $socket exited as it started (its messages are above)"\n    (( waited++ < 100 )) || die "passt did not open $socket within 10 s"\n    sleep 0.1\n  done\n}\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'forward_ports'):
        pass
        yield "\n# the user-mode forwards' host ports: below ip_unprivileged_port_start only root opens them\nforward_ports=("
        yield str(t_4(environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'forward_ports')))
        yield ')\nunprivileged=$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)\nif (( EUID != 0 && forward_ports[0] < unprivileged )); then\n  problems+=("the forwards listen on host ports (${forward_ports[*]}) below $unprivileged, which only root may open: run as root, or forward ports of $unprivileged and above")\nfi\n'
    yield '\ncmd=(\n'
    for l_1_line in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'args'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(t_5(environment.getattr(environment.getitem(l_1_line, 0), 'text')))
        for l_2_arg in l_1_line[1:]:
            _loop_vars = {}
            pass
            yield ' '
            yield str(t_5(environment.getattr(l_2_arg, 'text')))
            yield str(t_3(environment.getattr(l_2_arg, 'runtime')))
        l_2_arg = missing
        yield '\n'
    l_1_line = missing
    yield ')\n\nif (( SERVICE )); then\n  cmd+=(\n'
    for l_1_line in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'service_args'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_5(environment.getattr(environment.getitem(l_1_line, 0), 'text')))
        for l_2_arg in l_1_line[1:]:
            _loop_vars = {}
            pass
            yield ' '
            yield str(t_5(environment.getattr(l_2_arg, 'text')))
        l_2_arg = missing
        yield '\n'
    l_1_line = missing
    yield '  )\n  [[ -d $RUNTIME_DIR ]] || (( DRY_RUN )) || problems+=("$RUNTIME_DIR is missing: --service is for the VM\'s systemd unit ($UNIT), which makes it")\nfi\n\nif (( ${#problems[@]} )); then\n  for problem in "${problems[@]}"; do\n    if (( DRY_RUN )); then note "warning: $problem"; else note "missing: $problem"; fi\n  done\n  (( DRY_RUN )) || die "VM $VM not started: fix the above first"\nfi\n\nif (( DRY_RUN )); then\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
        pass
        yield '  make_passt_dirs\n'
    for l_1_passt in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
        _loop_vars = {}
        pass
        yield '  show passt --foreground --one-off --quiet --socket "$SOCKET_DIR"/'
        yield str(t_1(environment.getattr(l_1_passt, 'socket')))
        yield ' '
        yield str(t_4(environment.getattr(l_1_passt, 'options')))
        yield '\n'
    l_1_passt = missing
    yield '  show "${cmd[@]}" "${EXTRA[@]}"\n  exit 0\nfi\n'
    if environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
        pass
        yield '\ntrap stop_passts EXIT\nmake_passt_dirs\n'
        for l_1_passt in environment.getattr((undefined(name='vm') if l_0_vm is missing else l_0_vm), 'passts'):
            _loop_vars = {}
            pass
            yield 'start_passt '
            yield str(t_1(environment.getattr(l_1_passt, 'socket')))
            yield ' '
            yield str(t_1(environment.getattr(l_1_passt, 'pid')))
            yield ' '
            yield str(t_4(environment.getattr(l_1_passt, 'options')))
            yield '\n'
        l_1_passt = missing
        yield 'supervise "${cmd[@]}" "${EXTRA[@]}"\n'
    else:
        pass
        yield 'exec "${cmd[@]}" "${EXTRA[@]}"\n'

blocks = {}
debug_info = '1=44&2=50&3=53&4=59&6=66&7=68&8=70&9=72&10=75&11=77&12=79&13=81&17=84&18=86&26=88&31=90&35=99&39=102&40=104&57=107&78=110&79=114&80=116&82=118&83=120&100=124&103=127&104=131&106=133&110=137&111=139&118=141&123=144&125=146&126=148&135=150&136=154&138=156&192=160&195=163&203=166&204=170&211=181&212=185&227=195&230=198&231=202&236=208&240=211&241=215'
qemu_netgen_source_sum = 'fc6ff6aed8e255d15864a3cc182801a0865f8a05beb2d22919796f0d23e4bef3'

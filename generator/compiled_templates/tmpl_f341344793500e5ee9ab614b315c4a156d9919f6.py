from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/nm-lib.sh.j2'

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
    yield 'BRIDGE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge')))
    yield '\nUPLINK='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'uplink')))
    yield '\nCON='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'connection')))
    yield '\nPORT='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'port_connection')))
    yield '\nSTATE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'state_path')))
    yield '\nWAIT=90\n\n'
    template = environment.get_template('common/net.sh.j2', 'bridge/nm-lib.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n# uuid_of NAME: the uuid of the one profile called NAME, empty if none; dies on duplicates.\nuuid_of() {\n  local found\n  found=$(nmcli -t -f NAME,UUID connection show | awk -F: -v name="$1" \'$1 "" == name { print $2 }\')\n  [[ $(wc -l <<<"$found") -le 1 ]] || die "more than one NetworkManager profile is called $1; delete the extras first (nmcli connection delete UUID)"\n  printf \'%s\' "$found"\n}\n\n# device_field DEV FIELD: e.g. GENERAL.CONNECTION, GENERAL.STATE\ndevice_field() { nmcli -g "$2" device show "$1" 2>/dev/null || true; }\n\nSELF=$(readlink -f -- "${BASH_SOURCE[0]}")\nDETACHED=0\n\n# detached FUNCTION ARG...: run FUNCTION in a session of its own (this script started\n# again with --detached), so a dropped SSH session cannot stop it half-way. With\n# --dry-run, print its commands instead.\ndetached() {\n  if (( DRY_RUN )); then\n    "$@"\n    return\n  fi\n  mkdir -p -- "${STATE%/*}"\n  changed\n  setsid bash "$SELF" --detached "$@" </dev/null >>"$STATE.log" 2>&1 &\n}\n\n# wait_for WHAT TEST...: poll TEST for up to $WAIT seconds.\nwait_for() {\n  local what=$1 i\n  shift\n  (( DRY_RUN )) && return 0\n  for (( i = 0; i < WAIT * 5; i++ )); do\n    "$@" && return 0\n    sleep 0.2\n  done\n  die "$what did not happen within $WAIT s (see nmcli connection show and $STATE.log)"\n}\n\nneed_networkmanager() {\n  command -v nmcli >/dev/null 2>&1 || die "nmcli not found: this bundle\'s bridge $BRIDGE is made with NetworkManager"\n  [[ $(nmcli -t -f RUNNING general 2>/dev/null) == running ]] || die "NetworkManager is not running (systemctl start NetworkManager)"\n}\n'

blocks = {}
debug_info = '1=19&2=21&3=23&4=25&5=27&8=29'
qemu_netgen_source_sum = '6fa03afd03ae2a2f7be2cc513e24b2c095dbd2cdf889a10a29ac3f060c077619'

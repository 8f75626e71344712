from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'libvirt/forwards-hook.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_net = resolve('net')
    l_0_fw = l_0_title = missing
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
        t_3 = environment.filters['sh_words']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sh_words' found.")
    pass
    l_0_fw = environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'firewall')
    context.vars['fw'] = l_0_fw
    context.exported_vars.add('fw')
    l_0_title = str_join(('The port forwards of libvirt network ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name'), ' (bridge ', environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'bridge'), '), as a libvirt network hook.', ))
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'libvirt/forwards-hook.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'fw': l_0_fw, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'marker')))
    yield "\n#\n# libvirt runs it as HOOK NETWORK OPERATION SUB-OPERATION EXTRA, with the network's XML on\n# standard input, for every network it starts and stops: it applies the forwards when its\n# network has started (libvirt's own rules are in place then) and removes them when it has\n# stopped. Installed by "
    yield str(t_2(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'setup_path')))
    yield ' as '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'hook_installed')))
    yield ";\n# libvirt finds a hook when its daemon starts.\n# By hand (as root): HOOK --apply | --remove | --status [--dry-run]\n#\n# The rules are the bundle's own: with libvirt's iptables backend the chains\n# "
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nat_chain')))
    yield ' (table nat) and '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'filter_chain')))
    yield ' (table filter), each entered by one jump\n# above libvirt\'s; with its nftables backend the table "ip '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nft_table')))
    yield '" and one accept\n# rule in libvirt\'s '
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nft_chain')))
    yield ' chain, which libvirt\'s forward chain enters before the\n# reject of its guest_input. Everything among libvirt\'s rules carries the comment\n# "'
    yield str(t_2(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'comment')))
    yield '".\n'
    for l_1_fwd in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'forwards'):
        _loop_vars = {}
        pass
        yield '#   '
        yield str(t_2(environment.getattr(l_1_fwd, 'proto')))
        yield ' port '
        yield str(t_2(environment.getattr(l_1_fwd, 'host_port')))
        yield ' on '
        yield str(t_2(environment.getattr(l_1_fwd, 'listen_text')))
        yield ' -> '
        yield str(t_2(environment.getattr(l_1_fwd, 'address')))
        yield ':'
        yield str(t_2(environment.getattr(l_1_fwd, 'port')))
        if environment.getattr(l_1_fwd, 'vm'):
            pass
            yield ' (VM '
            yield str(t_2(environment.getattr(l_1_fwd, 'vm')))
            yield ')'
        yield '\n'
    l_1_fwd = missing
    template = environment.get_template('common/lib.sh.j2', 'libvirt/forwards-hook.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'fw': l_0_fw, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nNET='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'name')))
    yield '\nCOMMENT='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'comment')))
    yield '\nNAT_CHAIN='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nat_chain')))
    yield '\nFILTER_CHAIN='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'filter_chain')))
    yield '\nTABLE='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nft_table')))
    yield '\nLIBVIRT_CHAIN='
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nft_chain')))
    yield '\nLOCK=/run/lock/qemu-netgen-forwards.lock\n\nusage() {\n  cat <<USAGE\nUsage: $PROG --apply | --remove | --status [--dry-run]\nThe port forwards of libvirt network $NET. libvirt runs this file as a network hook;\nby hand (as root) it applies them (again: safe to repeat), removes them, or shows them.\n  -n, --dry-run  print the commands that would change the firewall, change nothing\nUSAGE\n}\n\n# backend: the firewall libvirt\'s networks use on this host. libvirt\'s nftables backend\n# keeps its rules in the table "ip libvirt_network", which exists while a network runs.\nbackend() {\n  if command -v nft >/dev/null 2>&1 && nft list table ip libvirt_network >/dev/null 2>&1; then\n    echo nftables\n  else\n    echo iptables\n  fi\n}\n\nipt() { run iptables -w -t "$@"; }\nhas_chain() { iptables -w -t "$1" -n -L "$2" >/dev/null 2>&1; }\n\n# fresh_chain TABLE CHAIN: CHAIN exists and is empty.\nfresh_chain() {\n  if has_chain "$1" "$2"; then ipt "$1" -F "$2"; else ipt "$1" -N "$2"; fi\n}\n\n# jump TABLE CHAIN TARGET MATCH...: one rule MATCH -j TARGET, as CHAIN\'s first rule (above\n# the jumps libvirt inserts at the top). Left alone when it is there already.\njump() {\n  local table=$1 chain=$2 target=$3 rules first count\n  shift 3\n  rules=$(iptables -w -t "$table" -S "$chain")\n  first=$(awk \'NR == 2\' <<<"$rules")\n  count=$(awk -v c="\\"$COMMENT\\"" \'index($0, c)\' <<<"$rules" | wc -l)\n  if (( count == 1 )) && [[ $first == *"\\"$COMMENT\\""* && $first == *"-j $target" ]]; then\n    return 0\n  fi\n  unjump "$table" "$chain" "$target" "$@"\n  ipt "$table" -I "$chain" 1 "$@" -j "$target"\n}\n\n# unjump TABLE CHAIN TARGET MATCH...: no such rule in CHAIN.\nunjump() {\n  local table=$1 chain=$2 target=$3\n  shift 3\n  while iptables -w -t "$table" -C "$chain" "$@" -j "$target" >/dev/null 2>&1; do\n    ipt "$table" -D "$chain" "$@" -j "$target"\n    (( ! DRY_RUN )) || break\n  done\n}\n\niptables_apply() {\n  fresh_chain nat "$NAT_CHAIN"\n  # the VMs\' own traffic to the host (their gateway is one of its addresses) stays theirs\n'
    for l_1_bridge in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'inside'):
        _loop_vars = {}
        pass
        yield '  ipt nat -A "$NAT_CHAIN" -i '
        yield str(t_1(l_1_bridge))
        yield ' -j RETURN\n'
    l_1_bridge = missing
    for l_1_fwd in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'forwards'):
        _loop_vars = {}
        pass
        yield '  ipt nat -A "$NAT_CHAIN" '
        yield str(t_3(environment.getattr(l_1_fwd, 'dnat')))
        yield '\n'
    l_1_fwd = missing
    yield '  fresh_chain filter "$FILTER_CHAIN"\n'
    for l_1_fwd in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'forwards'):
        _loop_vars = {}
        pass
        yield '  ipt filter -A "$FILTER_CHAIN" '
        yield str(t_3(environment.getattr(l_1_fwd, 'accept')))
        yield '\n'
    l_1_fwd = missing
    for l_1_jump in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'jumps'):
        _loop_vars = {}
        pass
        yield '  jump '
        yield str(t_1(environment.getattr(l_1_jump, 'table')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_jump, 'chain')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_jump, 'target')))
        yield ' '
        yield str(t_3(environment.getattr(l_1_jump, 'rule')))
        yield '\n'
    l_1_jump = missing
    yield '}\n\niptables_remove() {\n  command -v iptables >/dev/null 2>&1 || return 0\n'
    for l_1_jump in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'jumps'):
        _loop_vars = {}
        pass
        yield '  unjump '
        yield str(t_1(environment.getattr(l_1_jump, 'table')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_jump, 'chain')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_jump, 'target')))
        yield ' '
        yield str(t_3(environment.getattr(l_1_jump, 'rule')))
        yield '\n'
    l_1_jump = missing
    yield '  local table chain\n  for table in nat filter; do\n    chain=$NAT_CHAIN\n    [[ $table == filter ]] && chain=$FILTER_CHAIN\n    if has_chain "$table" "$chain"; then\n      ipt "$table" -F "$chain"\n      ipt "$table" -X "$chain"\n    fi\n  done\n}\n\n# nft_remove_script: the nft commands that take the bundle\'s rules away (none if absent).\nnft_remove_script() {\n  local listing\n  if nft list table ip "$TABLE" >/dev/null 2>&1; then\n    printf \'delete table ip %s\\n\' "$TABLE"\n  fi\n  listing=$(nft -a list chain ip libvirt_network "$LIBVIRT_CHAIN" 2>/dev/null || true)\n  awk -v c="comment \\"$COMMENT\\"" -v chain="$LIBVIRT_CHAIN" \'index($0, c) && $(NF - 1) == "handle" {\n    printf "delete rule ip libvirt_network %s handle %s\\n", chain, $NF }\' <<<"$listing"\n}\n\nnft_apply_script() {\n  nft_remove_script\n  printf \'%s\\n\' "add table ip $TABLE" \\\n    "add chain ip $TABLE prerouting { type nat hook prerouting priority dstnat; policy accept; }" \\\n    "add chain ip $TABLE output { type nat hook output priority -100; policy accept; }"\n  # the VMs\' own traffic to the host (their gateway is one of its addresses) stays theirs\n'
    for l_1_bridge in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'inside'):
        _loop_vars = {}
        pass
        yield '  printf \'add rule ip %s prerouting iifname "%s" return\\n\' "$TABLE" '
        yield str(t_1(l_1_bridge))
        yield '\n'
    l_1_bridge = missing
    for l_1_fwd in environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'forwards'):
        _loop_vars = {}
        pass
        yield '  printf \'add rule ip %s prerouting %s\\n\' "$TABLE" '
        yield str(t_1(environment.getattr(l_1_fwd, 'nft_dnat')))
        yield '\n  printf \'add rule ip %s output %s\\n\' "$TABLE" '
        yield str(t_1(environment.getattr(l_1_fwd, 'nft_dnat_local')))
        yield '\n'
    l_1_fwd = missing
    yield '  printf \'insert rule ip libvirt_network %s %s\\n\' "$LIBVIRT_CHAIN" '
    yield str(t_1(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'nft_accept')))
    yield '\n}\n\n# nft_run SCRIPT: one nft transaction (all of it or nothing).\nnft_run() {\n  [[ -n $1 ]] || return 0\n  if (( DRY_RUN )); then\n    printf "nft -f - <<\'NFT\'\\n%s\\nNFT\\n" "$1"\n  else\n    nft -f - <<<"$1"\n  fi\n}\n\napply() {\n  if [[ $(backend) == nftables ]]; then\n    iptables_remove  # from an earlier run on the iptables backend\n    nft_run "$(nft_apply_script)"\n  else\n    if command -v nft >/dev/null 2>&1; then nft_run "$(nft_remove_script)"; fi\n    iptables_apply\n  fi\n}\n\nremove() {\n  iptables_remove\n  if command -v nft >/dev/null 2>&1; then nft_run "$(nft_remove_script)"; fi\n}\n\nstatus() {\n  echo "firewall backend of libvirt\'s networks: $(backend)"\n  if command -v iptables >/dev/null 2>&1; then\n    iptables -w -t nat -S "$NAT_CHAIN" 2>/dev/null || true\n    iptables -w -t filter -S "$FILTER_CHAIN" 2>/dev/null || true\n  fi\n  if command -v nft >/dev/null 2>&1; then\n    nft list table ip "$TABLE" 2>/dev/null || true\n    nft_remove_script | awk -v chain="$LIBVIRT_CHAIN" \'/^delete rule/ { n++ } END { printf "rules in libvirt\'\\\'\'s %s: %d\\n", chain, n }\'\n  fi\n}\n\n# firewall_state: what apply and remove can change (the whole nat and filter tables of\n# iptables, the bundle\'s nft table, libvirt\'s chain it adds to), packet counts left out.\nfirewall_state() {\n  if command -v iptables >/dev/null 2>&1; then\n    iptables -w -t nat -S 2>/dev/null || true\n    iptables -w -t filter -S 2>/dev/null || true\n  fi\n  if command -v nft >/dev/null 2>&1; then\n    nft list table ip "$TABLE" 2>/dev/null || true\n    nft list chain ip libvirt_network "$LIBVIRT_CHAIN" 2>/dev/null || true\n  fi | sed -E \'s/counter packets [0-9]+ bytes [0-9]+/counter/\'\n}\n\n# locked ACTION: run ACTION while no other run of a forwards hook changes the firewall. It\n# changed the host when the firewall differs afterwards (it rebuilds its chains each time).\nlocked() {\n  if (( DRY_RUN )); then "$@"; return; fi\n  exec {lock_fd}>>"$LOCK"\n  flock -w 60 "$lock_fd" || die "another qemu-netgen forwards hook holds $LOCK"\n  local before\n  before=$(firewall_state)\n  "$@"\n  if [[ $(firewall_state) == "$before" ]]; then CHANGED=0; else CHANGED=1; fi\n}\n\nif (( $# >= 2 )) && [[ $1 != -* ]]; then\n  # called by libvirt: the network\'s XML waits on stdin; libvirt wants it read\n  cat >/dev/null || true\n  [[ $1 == "$NET" ]] || exit 0\n  case $2 in\n    started) what=apply ;;\n    stopped) what=remove ;;\n    *) exit 0 ;;\n  esac\n  # in a child of its own, where set -e stops at the first failure (inside an `if`, it\n  # would not); a failure is logged, never returned: libvirt would fail the network\'s start\n  if ! output=$(bash "${BASH_SOURCE[0]}" "--$what" 2>&1); then\n    printf \'%s\\n\' "qemu-netgen: the forwards of network $NET failed to $what: $output" >&2\n    if command -v logger >/dev/null 2>&1; then\n      logger -t qemu-netgen -- "the forwards of network $NET failed to $what: $output" || true\n    fi\n  fi\n  exit 0\nfi\n\naction=""\nwhile (( $# )); do\n  case $1 in\n    --apply) action=apply ;;\n    --remove) action=remove ;;\n    --status) action=status ;;\n    -n|--dry-run) DRY_RUN=1 ;;\n    -h|--help) usage; exit 0 ;;\n    *) usage_error "unknown argument: $1" ;;\n  esac\n  shift\ndone\n[[ -n $action ]] || usage_error "say --apply, --remove or --status"\nif [[ $action == status ]]; then\n  status\n  exit 0\nfi\nneed_root\ntrap report_result EXIT\nlocked "$action"\n'

blocks = {}
debug_info = '1=31&2=34&3=37&4=43&9=45&14=49&15=53&16=55&18=57&19=59&20=63&23=79&25=86&26=88&27=90&28=92&29=94&30=96&88=98&89=102&91=105&92=109&95=113&96=117&98=120&99=124&105=134&106=138&136=148&137=152&139=155&140=159&141=161&143=165'
qemu_netgen_source_sum = 'bef139e0ad6eacaf219a94dbf556f64108df66ffb8374935d9d08f953c6cab8f'

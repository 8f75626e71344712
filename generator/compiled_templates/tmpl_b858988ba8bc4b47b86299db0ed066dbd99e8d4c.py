from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'preflight/libvirt-host.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
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
    yield "\n# --- what on this host breaks libvirt's networks ----------------------------------------\nlibvirt_bridges=("
    yield str(t_3(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'libvirt_bridges')))
    yield ')\n\n# /etc/resolv.conf: libvirt\'s dnsmasq reads it as it starts and fails without it\nif [[ -L $RESOLV_CONF && ! -e $RESOLV_CONF ]]; then\n  fail "$RESOLV_CONF is a dangling link (to $(readlink -- "$RESOLV_CONF")): libvirt\'s dnsmasq fails to start; point it at a file that exists (with systemd-resolved: ln -sf /run/systemd/resolve/stub-resolv.conf $RESOLV_CONF, and start systemd-resolved)"\nelif [[ ! -e $RESOLV_CONF ]]; then\n  fail "$RESOLV_CONF is missing: libvirt\'s dnsmasq fails to start; create it (a \'nameserver\' line for your resolver)"\nelse\n  pass "$RESOLV_CONF exists"\nfi\n\n# another DNS or DHCP server on the wildcard address takes the ports libvirt\'s dnsmasq binds\n# on each bridge ("failed to create listening socket ... Address already in use")\nwildcard=$(ss -H -lnup 2>/dev/null | awk \'$4 ~ /^(0\\.0\\.0\\.0|\\*|\\[::\\]):(53|67)$/ { print $4, $5 }\' || true)\nwildcard+=$(ss -H -lntp 2>/dev/null | awk \'$4 ~ /^(0\\.0\\.0\\.0|\\*|\\[::\\]):53$/ { print "", $4, $5 }\' || true)\nif [[ -n $wildcard ]]; then\n  fail "a DNS or DHCP server listens on the wildcard address (${wildcard//$\'\\n\'/; }): libvirt\'s dnsmasq cannot bind port 53/67 on its bridges then; make it listen on its own interfaces only (dnsmasq: bind-interfaces and interface=/except-interface=, bind9: listen-on), or stop it"\nelse\n  pass "no DNS or DHCP server listens on the wildcard address"\nfi\n\n# firewalld: libvirt puts its bridges in firewalld\'s zone \'libvirt\' (shipped with libvirt)\nif command -v firewall-cmd >/dev/null 2>&1 && [[ $(firewall-cmd --state 2>/dev/null || true) == running ]]; then\n  zones=" $(firewall-cmd --get-zones 2>/dev/null || true) "\n  if [[ $zones != *" libvirt "* ]]; then\n    fail "firewalld runs and has no zone \'libvirt\', in which libvirt puts its bridges: run firewall-cmd --reload once libvirt is installed (it ships /usr/lib/firewalld/zones/libvirt.xml)"\n  else\n    pass "firewalld runs and has libvirt\'s zone \'libvirt\'"\n    # the zone\'s target is what forwards the guests\' traffic through firewalld (libvirt adds\n    # its masquerade in its own rules, whatever firewalld\'s masquerade setting)\n    target=$(firewall-cmd --permanent --zone=libvirt --get-target 2>/dev/null || true)\n    if [[ $target == ACCEPT ]]; then\n      pass "firewalld\'s zone \'libvirt\' forwards (target ACCEPT); libvirt masquerades in its own rules"\n    else\n      fail "firewalld\'s zone \'libvirt\' has target \'${target:-unknown}\', not ACCEPT: it drops what the guests send through the host; firewall-cmd --permanent --zone=libvirt --set-target=ACCEPT && firewall-cmd --reload"\n    fi\n  fi\n  for bridge in "${libvirt_bridges[@]}"; do\n    zone=$(firewall-cmd --get-zone-of-interface="$bridge" 2>/dev/null || true)\n    if [[ -n $zone && $zone != libvirt ]]; then\n      fail "firewalld has $bridge in zone \'$zone\', not \'libvirt\': its guests get no DHCP or DNS and no way out; firewall-cmd --permanent --zone=$zone --remove-interface=$bridge && firewall-cmd --reload"\n    fi\n  done\n  fw_backend=$(awk -F= \'$1 ~ /^[ \\t]*FirewallBackend[ \\t]*$/ { gsub(/[ \\t"]/, "", $2); print $2 }\' "$FIREWALLD_CONF" 2>/dev/null || true)\n  fw_backend=${fw_backend:-nftables}\n  if [[ $fw_backend == iptables && $LIBVIRT_BACKEND == nftables ]]; then\n    warn "firewalld uses its iptables backend (FirewallBackend in $FIREWALLD_CONF) and libvirt nftables: the two sets of rules do not see each other\'s accepts; set FirewallBackend=nftables and restart firewalld"\n  else\n    pass "firewalld\'s backend ($fw_backend) works beside libvirt\'s ($LIBVIRT_BACKEND: $LIBVIRT_BACKEND_WHY)"\n  fi\nfi\n\n# ufw: its default forward policy DROP drops everything the NAT forwards\nif command -v ufw >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] && [[ $(ufw status 2>/dev/null || true) == "Status: active"* ]]; then\n  policy=$(awk -F= \'$1 == "DEFAULT_FORWARD_POLICY" { gsub(/"/, "", $2); print $2 }\' "$UFW_DEFAULTS" 2>/dev/null || true)\n  if [[ ${policy:-DROP} == DROP ]]; then\n    fail "ufw is active with DEFAULT_FORWARD_POLICY=\\"${policy:-DROP}\\" ($UFW_DEFAULTS): it drops the guests\' forwarded traffic; allow it per bridge ($(for b in "${libvirt_bridges[@]}"; do printf \'ufw route allow in on %s; ufw route allow out on %s; \' "$b" "$b"; done)) or set DEFAULT_FORWARD_POLICY=\\"ACCEPT\\" there and ufw reload"\n  else\n    pass "ufw is active; its forward policy is $policy"\n  fi\nfi\n\n# nftables: a base chain of another table with policy drop on the input or forward hook sees\n# the guests\' DHCP, DNS and forwarded packets too (an accept in libvirt\'s tables does not\n# overrule a drop in another\'s); it must accept them itself\nif [[ $(id -u) -ne 0 ]]; then\n  warn "not root: the nftables ruleset was not checked"\nelif command -v nft >/dev/null 2>&1; then\n  dropping=$(nft list ruleset 2>/dev/null | awk -v bridges="${libvirt_bridges[*]}" \'\n    $1 == "table" { family = $2; table = $3; next }\n    $1 == "chain" { chain = $2; hook = ""; drop = 0; mentions = 0; next }\n    /hook (input|forward)/ && /policy drop/ { hook = $0; sub(/.*hook /, "", hook); sub(/ .*/, "", hook); drop = 1 }\n    { n = split(bridges, b, " "); for (i = 1; i <= n; i++) if (index($0, "\\"" b[i] "\\"")) mentions = 1 }\n    $1 == "}" && chain != "" {\n      if (drop && !mentions && table !~ /^libvirt/) print family, table, chain, hook\n      chain = ""\n    }\' || true)\n  if [[ -n $dropping ]]; then\n    while read -r family table chain hook; do\n      fix=$(for b in "${libvirt_bridges[@]}"; do printf \'nft insert rule %s %s %s iifname "%s" accept; \' "$family" "$table" "$chain" "$b"; [[ $hook == forward ]] && printf \'nft insert rule %s %s %s oifname "%s" accept; \' "$family" "$table" "$chain" "$b"; done)\n      fail "nftables chain $family $table $chain drops on the $hook hook (policy drop) and does not mention the bridges: the guests\' DHCP, DNS and traffic die there; accept them: $fix"\n    done <<<"$dropping"\n  else\n    pass "no other nftables table drops the bridges\' traffic by policy"\n  fi\nfi\n\n# iptables: the nft and legacy flavours both holding rules is two firewalls at once\nif [[ $(id -u) -eq 0 ]] && command -v iptables-legacy-save >/dev/null 2>&1 && command -v iptables-nft-save >/dev/null 2>&1; then\n  legacy=$(iptables-legacy-save 2>/dev/null | awk \'/^-A / { n++ } END { print n + 0 }\' || echo 0)\n  nftrules=$(iptables-nft-save 2>/dev/null | awk \'/^-A / { n++ } END { print n + 0 }\' || echo 0)\n  flavour=$(iptables -V 2>/dev/null || true)\n  if (( legacy > 0 && nftrules > 0 )); then\n    warn "iptables rules in both flavours ($legacy legacy, $nftrules nf_tables; \'iptables\' here is ${flavour:-unknown}): libvirt adds its rules with one, the other\'s rules still filter the same packets, and mixing them gives \'table ... is incompatible, use nft tool\'; keep one (iptables-legacy-save / iptables-nft-save show them)"\n  else\n    pass "iptables rules in one flavour only (${flavour:-iptables})"\n  fi\nfi\n'
    def t_4(fiter):
        for l_1_net in fiter:
            if environment.getattr(l_1_net, 'ipv6'):
                yield l_1_net
    for l_1_net in t_4(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'libvirt_nets')):
        _loop_vars = {}
        pass
        yield '\n# IPv6 of '
        yield str(t_2(environment.getattr(l_1_net, 'name')))
        yield ': interfaces with routes from router advertisements need accept_ra=2\nra_devs=$(ip -6 route show proto ra 2>/dev/null | awk \'{ for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }\' | sort -u || true)\nfor dev in $ra_devs; do\n  if [[ $(cat "$PROC/sys/net/ipv6/conf/$dev/accept_ra" 2>/dev/null || true) == 2 ]]; then\n    pass "$dev takes router advertisements with accept_ra=2"\n  else\n    warn "$dev "'
        yield str(t_1(str_join(('takes router advertisements without accept_ra=2: libvirt refuses to start an IPv6 network then ("enabling IPv6 forwarding with RA routes without accept_ra set to 2 is likely to cause routes loss"); ', environment.getattr(l_1_net, 'setup_path'), ' sets it (and a drop-in in /etc/sysctl.d keeps it)', ))))
        yield '\n  fi\ndone\n'
    l_1_net = missing

blocks = {}
debug_info = '3=31&101=33&103=41&109=43'
qemu_netgen_source_sum = '3f2355676733638b12585ab9c6a6512b3bb44e09cc4abdd59271eed9edb9f717'

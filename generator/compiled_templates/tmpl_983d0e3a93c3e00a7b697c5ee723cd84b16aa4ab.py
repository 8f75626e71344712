from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'units/install.sh.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_units = resolve('units')
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
    pass
    included_template = environment.get_template('common/args.sh.j2', 'units/install.sh.j2')._get_default_module(context)
    l_0_parse_args = getattr(included_template, 'parse_args', missing)
    if l_0_parse_args is missing:
        l_0_parse_args = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'units/install.sh.j2') does not export the requested name 'parse_args'", name='parse_args')
    context.vars['parse_args'] = l_0_parse_args
    context.exported_vars.discard('parse_args')
    l_0_title = "Install the systemd units of this bundle's VMs, and enable those that start at boot."
    context.vars['title'] = l_0_title
    context.exported_vars.add('title')
    template = environment.get_template('common/header.sh.j2', 'units/install.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('common/lib.sh.j2', 'units/install.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nTOKEN='
    yield str(t_1(environment.getattr((undefined(name='units') if l_0_units is missing else l_0_units), 'token')))
    yield '\n'
    template = environment.get_template('units/common.sh.j2', 'units/install.sh.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'parse_args': l_0_parse_args, 'title': l_0_title}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield "\nusage() {\n  cat <<USAGE\nUsage: $PROG [--dry-run]\nInstalls each VM's unit from systemd/ into "
    yield str(t_2(environment.getattr((undefined(name='units') if l_0_units is missing else l_0_units), 'unit_dir')))
    yield " with $TOKEN replaced by\nthis bundle's absolute path (the units run the bundle's scripts from there: keep the\nbundle where it is, owned by root), reloads systemd and enables the units of VMs with\nautostart (disables the others). Starts no VM: systemctl start UNIT does. Safe to run again.\n  -n, --dry-run  print the commands that would change the host, change nothing\nUSAGE\n}\n\n"
    def macro():
        t_3 = []
        pass
        return concat(t_3)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield context.call((undefined(name='parse_args') if l_0_parse_args is missing else l_0_parse_args), caller=caller)
    yield '\nneed_root\ntrap report_result EXIT\nHERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)\n\n# systemd runs the bundle\'s scripts as root at boot: a folder or script that someone else\n# can write would let them run anything as root. The path must also read as itself in a unit.\n[[ $HERE =~ ^/[A-Za-z0-9/._+@-]*$ ]] || die "the bundle\'s path $HERE has characters a unit would read differently: move the bundle to a plain path (letters, digits, / . _ + @ -)"\n# (a folder above the bundle may be writable by all when it is sticky, as /tmp is: nobody\n# else can rename or replace what root owns in it)\ndir=$HERE\nwhile :; do\n  read -r owner mode < <(stat -c \'%u %a\' -- "$dir")\n  unsafe=0\n  [[ $owner == 0 ]] || unsafe=1\n  if (( 8#$mode & 8#022 )) && { [[ $dir == "$HERE" ]] || (( !(8#$mode & 8#1000) )); }; then\n    unsafe=1\n  fi\n  if (( unsafe )); then\n    die "$dir is owned by uid $owner with mode $mode: systemd would run this bundle\'s scripts as root from a folder others can change; make it root\'s and not group- or world-writable (chown root; chmod go-w)"\n  fi\n  [[ $dir == / ]] && break\n  dir=$(dirname -- "$dir")\ndone\nfor ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n  while read -r script; do\n    [[ -n $script ]] || continue\n    read -r owner mode < <(stat -c \'%u %a\' -- "$HERE/$script")\n    if [[ $owner != 0 ]] || (( 8#$mode & 8#022 )); then\n      die "$HERE/$script is owned by uid $owner with mode $mode: make it root\'s and not group- or world-writable"\n    fi\n  done < <(awk -v t="$TOKEN/" \'/^Exec/ { i = index($0, t); if (i) { s = substr($0, i + length(t)); sub(/ .*/, "", s); print s } }\' "$HERE/${UNITS[i + 1]}")\ndone\n\n# every unit checked before any is written\nfor ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n  source=$HERE/${UNITS[i + 1]} target=${UNITS[i + 2]} marker=${UNITS[i + 4]}\n  [[ -r $source ]] || die "$source is missing: run this script from inside its bundle"\n  if [[ -e $target || -L $target ]] && ! ours "$target" "$marker"; then\n    die "$target exists and is not this bundle\'s unit (its first line is not: $marker): remove or rename it first"\n  fi\ndone\n\nreload=0\nfor ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n  name=${UNITS[i]} source=$HERE/${UNITS[i + 1]} target=${UNITS[i + 2]}\n  text=$(sed "s|$TOKEN|$HERE|g" -- "$source")\n  if [[ -f $target && $(cat -- "$target") == "$text" ]]; then\n    note "unit $name unchanged"\n    continue\n  fi\n  reload=1\n  if (( DRY_RUN )); then\n    show_into \'>\' "$target" sed "s|$TOKEN|$HERE|g" -- "$source"\n    continue\n  fi\n  install -d -m 0755 -- "${target%/*}"\n  tmp=$(mktemp -- "${target%/*}/.qemu-netgen.XXXXXX")\n  printf \'%s\\n\' "$text" >"$tmp"\n  chmod 0644 -- "$tmp"\n  mv -f -- "$tmp" "$target"\n  changed\n  note "unit $name installed as $target"\ndone\n\n# units of VMs the profile no longer has: their scripts are gone from the bundle\nwhile read -r stale; do\n  [[ -n $stale ]] || continue\n  note "${stale##*/} is this bundle\'s unit of a VM the profile no longer has: removing it"\n  if retire "$stale"; then reload=1; fi\ndone < <(stale_units)\n\nif (( reload )) && systemd_running; then\n  run systemctl daemon-reload\nfi\nfor ((i = 0; i < ${#UNITS[@]}; i += UNIT_FIELDS)); do\n  name=${UNITS[i]} autostart=${UNITS[i + 3]}\n  enabled=0\n  # is-enabled reads the links on disk, with or without a running systemd\n  [[ $(systemctl is-enabled -- "$name" 2>/dev/null || true) == enabled ]] && enabled=1\n  if (( autostart && ! enabled )); then\n    run systemctl enable -- "$name"\n  elif (( ! autostart && enabled )); then\n    run systemctl disable -- "$name"\n  fi\n  if (( autostart )); then what="starts at boot"; else what="does not start at boot"; fi\n  (( DRY_RUN )) || note "ok: $name $what; start it now with: systemctl start $name"\ndone\nsystemd_running || (( DRY_RUN )) || note "systemd is not running here: the units take effect when it runs (at the next boot)"\n'

blocks = {}
debug_info = '1=25&2=31&3=34&4=40&6=47&7=49&12=56&20=58'
qemu_netgen_source_sum = '4f526e6be1f73a4d801bb773e02561bf81749a618e85b6367280fc96fa7de778'

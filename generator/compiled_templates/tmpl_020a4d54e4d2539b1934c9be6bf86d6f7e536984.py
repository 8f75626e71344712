from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'bridge/files-lib.sh.j2'

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
    yield 'BACKUP='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'backup_dir')))
    yield '\nMAC_TOKEN='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'mac_token')))
    yield '\n# each file: in the bundle, where it goes, its mode\nFILES=(\n'
    for l_1_file in environment.getattr(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'stack'), 'files'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(t_1(environment.getattr(l_1_file, 'path')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_file, 'target')))
        yield ' '
        yield str(t_1(environment.getattr(l_1_file, 'octal_mode')))
        yield '\n'
    l_1_file = missing
    yield ')\n\n# file_text SOURCE: a file of the bundle as it is installed (the uplink\'s MAC filled in).\nfile_text() {\n  local text\n  text=$(<"$HERE/$1")\n  printf \'%s\\n\' "${text//"$MAC_TOKEN"/$UPLINK_MAC}"\n}\n\n# files_current: whether every file is installed as the bundle has it.\nfiles_current() {\n  local i target\n  for (( i = 0; i < ${#FILES[@]}; i += 3 )); do\n    target=${FILES[i + 1]}\n    [[ -f $target && ! -L $target ]] || return 1\n    [[ $(stat -c %a -- "$target") == "${FILES[i + 2]#0}" ]] || return 1\n    [[ $(<"$target") == "$(file_text "${FILES[i]}")" ]] || return 1\n  done\n}\n\n# backup_files: keep what each target is now (a file, a link, or nothing), once: a second\n# run keeps the first run\'s record, which is what the host had before the bundle.\nbackup_files() {\n  [[ ! -f $BACKUP/list ]] || return 0\n  local i target\n  local -a list=()\n  run install -d -m 0700 -- "$BACKUP"\n  for (( i = 0; i < ${#FILES[@]}; i += 3 )); do\n    target=${FILES[i + 1]}\n    if [[ -e $target || -L $target ]]; then\n      run cp -a -- "$target" "$BACKUP/$(( i / 3 ))"\n      list+=("had $(( i / 3 )) $target")\n    else\n      list+=("new $(( i / 3 )) $target")\n    fi\n    [[ -d ${target%/*} ]] || list+=("dir - ${target%/*}")\n  done\n  if (( DRY_RUN )); then\n    show_into \'>\' "$BACKUP/list" printf \'%s\\n\' "${list[@]}"\n  else\n    printf \'%s\\n\' "${list[@]}" >"$BACKUP/list"\n    changed\n  fi\n}\n\n# install_files: each file into place in one rename, with its mode.\ninstall_files() {\n  local i target temp\n  for (( i = 0; i < ${#FILES[@]}; i += 3 )); do\n    target=${FILES[i + 1]}\n    if (( DRY_RUN )); then\n      show install -d -m 0755 -- "${target%/*}"\n      printf "cat >%s <<\'QEMU_NETGEN_EOF\'\\n%s\\nQEMU_NETGEN_EOF\\n" "$(show "$target")" "$(file_text "${FILES[i]}")"\n      show chmod "${FILES[i + 2]}" -- "$target"\n      continue\n    fi\n    install -d -m 0755 -- "${target%/*}"\n    temp=$(mktemp -- "${target%/*}/.qemu-netgen.XXXXXX")\n    file_text "${FILES[i]}" >"$temp"\n    chmod "${FILES[i + 2]}" -- "$temp"\n    mv -f -T -- "$temp" "$target"\n    changed\n  done\n}\n\n# restore_files: every target as the backup recorded it; folders this made, gone if empty.\nrestore_files() {\n  [[ -f $BACKUP/list ]] || return 0\n  local kind index target\n  local -a dirs=()\n  while read -r kind index target; do\n    case $kind in\n      had) run mv -f -T -- "$BACKUP/$index" "$target" ;;\n      new) [[ ! -e $target && ! -L $target ]] || run rm -f -- "$target" ;;\n      dir) dirs+=("$target") ;;\n    esac\n  done <"$BACKUP/list"\n  for target in "${dirs[@]}"; do\n    run rmdir --ignore-fail-on-non-empty -- "$target" 2>/dev/null || true\n  done\n  run rm -rf -- "$BACKUP"\n}\n'

blocks = {}
debug_info = '3=19&4=21&7=23&8=27'
qemu_netgen_source_sum = '1f7fab314dafec9a17ae86caa99c966a9f5e3568bff1b3ea950cb05e2aaca13b'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vfio/lib.sh.j2'

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
    yield 'DEVICE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'device')))
    yield '\nSTATE='
    yield str(t_1(environment.getattr((undefined(name='net') if l_0_net is missing else l_0_net), 'state_path')))
    yield '\n# Tests point this at a sysfs-like tree; on a host it is /sys.\nSYS=${QEMU_NETGEN_SYSFS:-/sys}\n\n# write_sys VALUE FILE: one write to sysfs; with --dry-run print it as `echo VALUE > FILE`.\nwrite_sys() {\n  if (( DRY_RUN )); then\n    printf \'echo %s > %s\\n\' "$(show "$1")" "$(show "$2")"\n  else\n    changed\n    printf \'%s\\n\' "$1" >"$2"\n  fi\n}\n\n# driver_of BDF: the driver a PCI device is bound to, or "none".\ndriver_of() {\n  local link\n  if link=$(readlink "$SYS/bus/pci/devices/$1/driver" 2>/dev/null); then\n    printf \'%s\\n\' "${link##*/}"\n  else\n    printf \'none\\n\'\n  fi\n}\n\n# is_pci_bridge BDF: PCI-to-PCI bridges (class 0x0604) stay as they are; vfio-pci\n# does not take them and the group is viable without binding them.\nis_pci_bridge() { [[ $(<"$SYS/bus/pci/devices/$1/class") == 0x0604* ]]; }\n\n# group_of BDF / members GROUP: the IOMMU group and every device in it.\ngroup_of() {\n  local link\n  link=$(readlink "$SYS/bus/pci/devices/$1/iommu_group") || return 1\n  printf \'%s\\n\' "${link##*/}"\n}\nmembers() {\n  local path\n  for path in "$SYS/kernel/iommu_groups/$1/devices/"*; do\n    [[ -e $path ]] && printf \'%s\\n\' "${path##*/}"\n  done | sort\n}\n\n# override_of BDF: the device\'s driver_override, "(null)" when none is set.\noverride_of() {\n  local value\n  value=$(<"$SYS/bus/pci/devices/$1/driver_override")\n  printf \'%s\\n\' "${value:-(null)}"\n}\n\n# recorded BDF: "DRIVER OVERRIDE" as the bind script recorded them in $STATE (a record\n# without the override is from an older bundle: no override then).\nrecorded() {\n  local member driver override\n  while read -r member driver override; do\n    [[ $member == "$1" ]] && { printf \'%s %s\\n\' "$driver" "${override:-(null)}"; return 0; }\n  done <"$STATE"\n  return 1\n}\n\n# put_back BDF DRIVER OVERRIDE: the device back on DRIVER ("none": no driver; "any": off\n# vfio-pci, to whichever driver the kernel picks) with driver_override OVERRIDE ("(null)":\n# none). What already is so is left alone, so a device bind did not change is not touched.\nput_back() {\n  local bdf=$1 driver=$2 override=$3 now\n  local dev=$SYS/bus/pci/devices/$1\n  now=$(driver_of "$bdf")\n  if [[ $(override_of "$bdf") != "$override" ]]; then\n    if [[ $override == "(null)" ]]; then write_sys "" "$dev/driver_override"; else write_sys "$override" "$dev/driver_override"; fi\n  fi\n  if [[ $now == "$driver" || ($driver == any && $now != vfio-pci) ]]; then\n    return 0\n  fi\n  [[ $now == none ]] || write_sys "$bdf" "$SYS/bus/pci/drivers/$now/unbind"\n  if [[ $driver == any ]] || [[ $driver != none && ! -d $SYS/bus/pci/drivers/$driver ]]; then\n    write_sys "$bdf" "$SYS/bus/pci/drivers_probe"\n  elif [[ $driver != none ]]; then\n    write_sys "$bdf" "$SYS/bus/pci/drivers/$driver/bind"\n  fi\n}\n\n# where_is BDF: "DRIVER OVERRIDE" as the device is now.\nwhere_is() { printf \'%s %s\\n\' "$(driver_of "$1")" "$(override_of "$1")"; }\n\n# describe DRIVER OVERRIDE: words for an operator.\ndescribe() {\n  local text="on $1"\n  [[ $1 != none ]] || text="with no driver"\n  [[ $2 == "(null)" ]] || text+=" (driver_override $2)"\n  printf \'%s\\n\' "$text"\n}\n\n# by_hand BDF DRIVER: the command that puts the device on DRIVER, for a message.\nby_hand() {\n  [[ $2 == none || $2 == any ]] && return 0\n  printf \' (by hand: echo %s > /sys/bus/pci/drivers/%s/bind)\\n\' "$1" "$2"\n}\n'

blocks = {}
debug_info = '1=19&2=21'
qemu_netgen_source_sum = '5d69f6c41f717e3d3523004c9b575753fc2c9760ce6fe2c521f16726cbc20e51'

"""The NAT scripts under load, against a real libvirtd: an operator's own network of the
bundle's name is found every time and never lost, with the CPU kept busy.

`virsh net-list --all --name | grep -qxF NAME` under pipefail lost this race now and then:
grep exits at the first match, virsh's next write dies of SIGPIPE, and the pipeline says
"not there". Setup then defined the network as new, failed, and its roll-back destroyed and
undefined the operator's network; teardown said "nothing to do". This test runs both
scripts RUNS times each over a network list where the name comes first."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.system.conftest import example_with_guest, render_bundle
from tests.system.daemons import start_libvirtd
from tests.system.guest import Guest
from tests.system.sandbox import Sandbox

# 200 until the fleet tests came, 150 until user mode and IPv6: CI stays under 15 minutes
RUNS = 60
OTHERS = 8
FOREIGN_UUID = "417b7ead-6342-40a4-b29f-02fa2d4df491"

LOOP = r"""
bundle=$1 runs=$2 uuid=$3
# the load: one busy loop per core, bounded in time, ended by PID below
busy=()
for _ in 1 2; do
  bash -c 'end=$((SECONDS + 900)); while ((SECONDS < end)); do :; done' &
  busy+=("$!")
done
trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
wrong_setup=0 wrong_teardown=0 lost=0 started=$SECONDS
for ((i = 0; i < runs; i++)); do
  # every other run finds the operator's network stopped: setup must start it, not replace it
  (( i % 2 )) || virsh net-destroy default >/dev/null
  if ! out=$(bash "$bundle/setup-nat-default.sh" 2>&1) ||
      [[ $out != *"already exists with uuid $uuid; keeping that uuid"* ]]; then
    wrong_setup=$((wrong_setup + 1)); printf 'setup %d: %s\n' "$i" "${out//$'\n'/ | }"
  fi
  info=$(virsh net-info default 2>&1) || true
  if [[ $info != *"UUID:           $uuid"* || $info != *"Active:         yes"* ]]; then
    lost=$((lost + 1)); printf 'after setup %d: %s\n' "$i" "${info//$'\n'/ | }"
    virsh net-define "$bundle/../foreign.xml" >/dev/null 2>&1 || true  # for the next run
  fi
  if ! out=$(bash "$bundle/teardown-nat-default.sh" --dry-run 2>&1) ||
      [[ $out != *"virsh net-destroy default"* ]]; then
    wrong_teardown=$((wrong_teardown + 1)); printf 'teardown --dry-run %d: %s\n' "$i" "${out//$'\n'/ | }"
  fi
done
echo "RESULT runs=$runs wrong_setup=$wrong_setup wrong_teardown=$wrong_teardown lost=$lost seconds=$((SECONDS - started))"
"""


def test_an_operators_network_survives_repeated_setup_under_load(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    data = yaml.safe_load(example_with_guest("nat", guest, "console=ttyS0"))
    del data["networks"]["default"]["forwards"]  # the forwards are test_forwards.py's
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    for n in range(OTHERS):  # listed after "default": grep -q used to stop before their lines
        other = tmp_path / f"other{n}.xml"
        other.write_text(
            f"<network><name>zz-other-{n}</name><bridge name='qnother{n}'/>"
            f"<ip address='10.{n}.0.1' netmask='255.255.255.0'/></network>\n"
        )
        sandbox.run("virsh", "net-define", str(other), check=True)
    foreign = tmp_path / "foreign.xml"
    foreign.write_text(
        f"<network><name>default</name><uuid>{FOREIGN_UUID}</uuid><forward mode='nat'/>"
        "<bridge name='virbr0'/><ip address='192.168.100.1' netmask='255.255.255.0'/></network>\n"
    )
    sandbox.run("virsh", "net-define", str(foreign), check=True)
    sandbox.run("virsh", "net-start", "default", check=True)
    names = sandbox.run("virsh", "net-list", "--all", "--name", check=True).stdout.split()
    assert names[0] == "default" and len(names) == OTHERS + 1, names

    result = sandbox.run(
        "bash", "-c", LOOP, "loop", str(bundle), str(RUNS), FOREIGN_UUID, timeout=900
    )
    summary = result.stdout.splitlines()[-1:]
    print(*summary)
    found = re.search(
        r"RESULT runs=(\d+) wrong_setup=(\d+) wrong_teardown=(\d+) lost=(\d+)", result.stdout
    )
    assert found, result.stdout[-3000:] + result.stderr
    assert found.groups() == (str(RUNS), "0", "0", "0"), "\n".join(
        result.stdout.splitlines()[:20] + summary
    )
    info = sandbox.run("virsh", "net-info", "default", check=True).stdout
    assert FOREIGN_UUID in info
    assert sandbox.run("virsh", "net-list", "--all", "--name", check=True).stdout.split() == names

"""install-packages.sh: it installs only what is missing, and says whether it changed the host.

A fake dpkg-query answers "installed" for every package but those in $FAKE_MISSING; fake
apt-get and apt-cache write their arguments to $FAKE_LOG; a fake id says root.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator import plan, render
from generator.bundle import write_bundle
from generator.validate import parse_text

ROOT = Path(__file__).resolve().parent.parent

FAKES = {
    "dpkg-query": """#!/bin/bash
pkg=${!#}
for missing in $FAKE_MISSING; do [[ $missing == "$pkg" ]] && { echo "dpkg-query: no packages found matching $pkg" >&2; exit 1; }; done
printf installed
""",
    "apt-get": '#!/bin/bash\necho "apt-get $*" >>"$FAKE_LOG"\n[[ $1 != update ]] || touch "$FAKE_LOG.fresh"\n',
    # knows the packages in $FAKE_KNOWN once the lists are fresh (after apt-get update)
    "apt-cache": """#!/bin/bash
echo "apt-cache $*" >>"$FAKE_LOG"
[[ -e $FAKE_LOG.fresh && " $FAKE_KNOWN " == *" ${!#} "* ]]
""",
    "id": "#!/bin/bash\necho 0\n",
}


def bundle(tmp_path: Path, example: str) -> Path:
    text = (ROOT / "profiles" / f"{example}.yaml").read_text()
    profile = parse_text(text, f"{example}.yaml")
    write_bundle(render.render(plan.build(profile)), tmp_path / example)
    return tmp_path / example


def run(
    tmp_path: Path, missing: str, example: str = "nat", known: str = ""
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    fakes = tmp_path / "fakes"
    fakes.mkdir(exist_ok=True)
    for name, text in FAKES.items():
        (fakes / name).write_text(text)
        (fakes / name).chmod(0o755)
    log = tmp_path / "log"
    log.write_text("")
    env = dict(os.environ, PATH=f"{fakes}:{os.environ['PATH']}", FAKE_LOG=str(log))
    env["FAKE_MISSING"] = missing
    env["FAKE_KNOWN"] = known
    script = bundle(tmp_path, example) / "install-packages.sh"
    proc = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True)
    return proc, log.read_text().splitlines()


def test_everything_installed_changes_nothing(tmp_path: Path) -> None:
    proc, log = run(tmp_path, "")
    assert proc.returncode == 0, proc.stderr
    assert log == []  # not even the package lists' refresh
    assert proc.stdout == "result: unchanged\n"
    assert "all installed: libvirt-daemon-system" in proc.stderr


def test_only_the_missing_packages_are_installed(tmp_path: Path) -> None:
    proc, log = run(tmp_path, "socat dnsmasq-base")
    assert proc.returncode == 0, proc.stderr
    assert log == [
        "apt-get update",
        "apt-get install -y --no-install-recommends dnsmasq-base socat",
    ]
    assert proc.stdout.splitlines()[-1] == "result: changed"


def test_an_optional_package_the_lists_do_not_know_is_no_reason_to_refresh(tmp_path: Path) -> None:
    # systemd-networkd: a package of its own from Debian 13 on; Debian 12's lists lack it
    proc, log = run(tmp_path, "systemd-networkd", example="bridge-netplan")
    assert proc.returncode == 0, proc.stderr
    assert log == ["apt-cache show -- systemd-networkd"]
    assert proc.stdout == "result: unchanged\n"


def test_an_optional_package_is_asked_for_again_after_the_refresh(tmp_path: Path) -> None:
    # stale lists did not know it; the refresh a missing package brings makes them
    proc, log = run(
        tmp_path, "socat systemd-networkd", example="bridge-netplan", known="systemd-networkd"
    )
    assert proc.returncode == 0, proc.stderr
    assert log[-1] == ("apt-get install -y --no-install-recommends socat systemd-networkd"), log
    assert log[:3] == [
        "apt-cache show -- systemd-networkd",
        "apt-get update",
        "apt-cache show -- systemd-networkd",
    ]

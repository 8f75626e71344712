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
    "apt-get": '#!/bin/bash\necho "apt-get $*" >>"$FAKE_LOG"\n',
    "apt-cache": '#!/bin/bash\necho "apt-cache $*" >>"$FAKE_LOG"\nexit 100\n',
    "id": "#!/bin/bash\necho 0\n",
}


def bundle(tmp_path: Path) -> Path:
    text = (ROOT / "profiles" / "nat.yaml").read_text()
    profile = parse_text(text, "nat.yaml")
    write_bundle(render.render(plan.build(profile)), tmp_path / "nat")
    return tmp_path / "nat"


def run(tmp_path: Path, missing: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    fakes = tmp_path / "fakes"
    fakes.mkdir(exist_ok=True)
    for name, text in FAKES.items():
        (fakes / name).write_text(text)
        (fakes / name).chmod(0o755)
    log = tmp_path / "log"
    log.write_text("")
    env = dict(os.environ, PATH=f"{fakes}:{os.environ['PATH']}", FAKE_LOG=str(log))
    env["FAKE_MISSING"] = missing
    script = bundle(tmp_path) / "install-packages.sh"
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

"""Hostile text in every free-text field: scripts stay valid, nothing is executed that
was not meant to be, and XML stays well-formed (property tests)."""

from __future__ import annotations

import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator import plan, render
from generator.bundle import write_bundle
from generator.errors import ProfileError
from generator.validate import parse_text
from tests.conftest import require_tool

SENTINELS = [
    "$(touch {s})",
    "`touch {s}`",
    "'; touch {s}; '",
    '"; touch {s}; "',
    "\\$(touch {s})",
    "$'\\x41'$(touch {s})",
    "${{IFS}}touch${{IFS}}{s}",
    "a,b,,c=d $(touch {s})",
    "-display none -S",
    "* ? [a-z] ~root !!",
]
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")).filter(str.isprintable), max_size=30
)
payload = st.one_of(
    st.sampled_from(SENTINELS), text, st.tuples(st.sampled_from(SENTINELS), text).map("".join)
)


def profile_yaml(disk: str, kernel: str, cmdline: str, romfile: str) -> str:
    quote = lambda v: '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731 - YAML double quotes
    return f"""\
name: lab
networks:
  default: {{type: nat, bridge: virbr0, subnet: 192.168.122.0/24}}
  nic: {{type: passthrough, device: "81:00.0", romfile: {quote(romfile)}}}
vms:
  - name: vm1
    memory: 1G
    accel: tcg
    vhost: "off"
    disk: {quote(disk)}
    kernel: {quote(kernel)}
    initrd: {quote(kernel + ".img")}
    cmdline: {quote(cmdline)}
    nics: [{{network: default}}, {{network: nic}}]
"""


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disk=payload, kernel=payload, cmdline=payload, romfile=payload)
def test_free_text_never_escapes_its_quotes(
    disk: str, kernel: str, cmdline: str, romfile: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sentinel = work / "PWNED"
        values = [v.replace("{s}", str(sentinel)) for v in (disk, kernel, cmdline, romfile)]
        disk_v, kernel_v, cmdline_v, romfile_v = values
        try:
            profile = parse_text(
                profile_yaml("/" + disk_v, "/" + kernel_v, cmdline_v, "/" + romfile_v)
            )
        except ProfileError:
            assume(False)
        built = plan.build(profile)
        bundle = work / "bundle"
        write_bundle(render.render(built), bundle)
        scripts = sorted(bundle.glob("*.sh"))
        for script in scripts:
            subprocess.run(["bash", "-n", str(script)], check=True)
        # the free text reaches the launch script and the runbook only: lint and run those
        reached = {
            p.name
            for p in bundle.rglob("*")
            # long values only: a short one ("0000") can be part of a PCI address by chance
            if p.is_file() and any(v in p.read_text() for v in values if len(v) > 8)
        }
        assert reached <= {"launch-vm1.sh", "README.md", "SHA256SUMS"}, reached
        launch = bundle / "launch-vm1.sh"
        lint = subprocess.run(
            [require_tool("shellcheck"), "--norc", str(launch)], capture_output=True, text=True
        )
        assert lint.returncode == 0, lint.stdout
        dry = subprocess.run(
            ["bash", str(bundle / "launch-vm1.sh"), "--dry-run"],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
        expected = [
            a.text + a.runtime.replace("$vhost", "off") for line in built.vms[0].args for a in line
        ]
        # the printed command, read back by bash (which would also run any escaped sentinel)
        words = subprocess.run(
            ["bash", "-c", "printf '%s\\0' " + dry.stdout],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\0")[:-1]
        assert words == expected
        assert not sentinel.exists()


name = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}", fullmatch=True)
ifname = st.from_regex(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,14}", fullmatch=True)
hostname = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(net=name, bridge=ifname, host=hostname)
def test_xml_stays_well_formed_for_any_accepted_name(net: str, bridge: str, host: str) -> None:
    text = f"""\
name: lab
networks:
  "{net}":
    type: nat
    bridge: "{bridge}"
    subnet: 10.0.0.0/24
    hosts: [{{mac: "52:54:00:00:00:01", ip: 10.0.0.5, name: "{host}"}}]
"""
    try:
        profile = parse_text(text)
    except ProfileError:
        assume(False)
    files = {f.path: f.text for f in render.render(plan.build(profile))}
    root = ET.fromstring(files[f"libvirt/{net}.xml"])
    assert root.findtext("name") == net
    assert root.find("bridge").get("name") == bridge  # type: ignore[union-attr]
    assert root.find("ip/dhcp/host").get("name") == host  # type: ignore[union-attr]

"""Every example bundle's README diagram parses with Mermaid's own parser (the mermaid npm
package under node, installed by .ci/setup --system), and a broken one does not."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROFILES, ROOT
from tests.system.conftest import render_bundle

PARSER = Path(__file__).parent / "mermaid-parse.mjs"
MODULES = ROOT / ".venv" / "mermaid" / "node_modules"


def parse(*readmes: Path) -> subprocess.CompletedProcess[str]:
    if not (MODULES / "mermaid").is_dir() or not (MODULES / "jsdom").is_dir():
        pytest.fail(f"mermaid and jsdom are not in {MODULES}: run .ci/setup --system")
    env = {**os.environ, "NODE_PATH": str(MODULES)}
    return subprocess.run(
        ["node", str(PARSER), *map(str, readmes)], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip


def test_every_example_diagram_parses(system: None, tmp_path: Path) -> None:
    readmes = []
    for profile in PROFILES:
        bundle = render_bundle(profile.read_text(), tmp_path / profile.stem)
        readmes.append(bundle / "README.md")
    result = parse(*readmes)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{r}: flowchart-v2" for r in readmes]


def test_a_broken_diagram_does_not(system: None, tmp_path: Path) -> None:
    broken = tmp_path / "README.md"
    broken.write_text('# x\n\n```mermaid\nflowchart LR\n  n0["a"b"]\n```\n')
    result = parse(broken)
    assert result.returncode == 1 and "Parse error" in result.stdout, result.stdout


def test_a_diagram_of_hostile_names_parses_with_them_inside_labels(
    system: None, tmp_path: Path
) -> None:
    """Names the profile's rules would refuse, put into the plan directly: Mermaid still reads
    one diagram, each name inside its label."""
    from dataclasses import replace

    from generator import plan, render
    from generator.validate import parse_file

    hostile = '"]; %%{init: {}}%% #<b>x</b>`` ``` [a] {b} |c| & end'
    built = plan.build(parse_file(ROOT / "profiles" / "nat.yaml"))
    built = replace(
        built,
        libvirt_nets=(replace(built.libvirt_nets[0], bridge=hostile, subnet=hostile),),
        vms=(replace(built.vms[0], name=hostile),),
    )
    readme = tmp_path / "README.md"
    readme.write_text(next(f.text for f in render.render(built) if f.path == "README.md"))
    result = parse(readme)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_diagram_of_many_vms_stays_within_mermaids_limits(system: None, tmp_path: Path) -> None:
    vms = "".join(
        f"  - {{name: vm{i:03}, memory: 1G, nics: [{{network: a}}, {{network: b}}]}}\n"
        for i in range(260)
    )  # 520 NICs: one edge each would pass Mermaid's 500
    text = (
        "name: many\nnetworks:\n"
        "  a: {type: isolated, bridge: virbr1, subnet: 10.1.0.0/16}\n"
        "  b: {type: isolated, bridge: virbr2, subnet: 10.2.0.0/16}\n"
        "vms:\n" + vms
    )
    bundle = render_bundle(text, tmp_path / "many")
    result = parse(bundle / "README.md")
    assert result.returncode == 0, result.stdout + result.stderr

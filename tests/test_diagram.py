"""The README's topology diagram: its nodes and edges against the plan of every example, and
labels that no name can break out of."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator import plan, render
from generator.diagram import LABEL_MAX, Diagram, label, topology
from generator.validate import parse_file
from tests.conftest import PROFILES

ENTITY = re.compile(r"#[0-9]+;")


def text_of(escaped: str) -> str:
    return ENTITY.sub(lambda m: chr(int(m.group()[1:-1])), escaped).replace("<br>", "\n")


def node_of(d: Diagram, start: str) -> str:
    found = [n.id for n in d.nodes if text_of(n.text).startswith(start)]
    assert len(found) == 1, (start, [text_of(n.text) for n in d.nodes])
    return found[0]


def edges(d: Diagram, source: str, target: str) -> list[str]:
    return [text_of(e.text) for e in d.edges if (e.source, e.target) == (source, target)]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.stem)
def test_the_diagram_shows_the_plan(profile: Path) -> None:
    built = plan.build(parse_file(profile))
    d = topology(built)
    ids = [n.id for n in d.nodes]
    assert len(ids) == len(set(ids))
    assert all({e.source, e.target} <= set(ids) for e in d.edges)
    for net in built.bridges:
        nic = node_of(d, f"uplink {net.uplink}\n")
        bridge = node_of(d, f"bridge {net.bridge}\n")
        assert edges(d, nic, bridge) == ["port"]
    for lnet in built.libvirt_nets:
        node = node_of(d, f"{lnet.name}: {lnet.title} on {lnet.bridge}\n")
        assert f"{lnet.subnet}, gateway {lnet.address}" in text_of(
            next(n.text for n in d.nodes if n.id == node)
        )
        out = [e for e in d.edges if e.source == node]
        kinds = {"nat": ["masquerade"], "routed": ["route"], "isolated": []}
        assert [text_of(e.text) for e in out] == kinds[lnet.kind]
        into = [text_of(e.text) for e in d.edges if e.target == node and "→" in text_of(e.text)]
        assert len(into) == len(lnet.firewall.forwards)
    for vm in built.vms:
        node = node_of(d, f"VM {vm.name}\n")
        for nic in vm.nics:
            if nic.kind == "bridge":
                network = node_of(d, f"bridge {nic.bridge}\n")
            else:
                network = node_of(d, f"{nic.network}: ")
            assert edges(d, node, network) == [f"{nic.device} {nic.mac}"]
        for unic in vm.user_nics:
            assert any(
                e.source == node and text_of(e.text) == f"{unic.device} {unic.mac}" for e in d.edges
            )
        for vfio in vm.vfio:
            assert edges(d, node, node_of(d, f"PCI {vfio.device}")) == ["passthrough"]
        assert sum(node in g.members for g in d.groups) == 1  # each VM in one group


HOSTILE = '"]; %%{init}%% #<script>x</script>`` ``` [a] {b} |c| & \\n'


def test_a_label_keeps_only_plain_characters() -> None:
    escaped = label(HOSTILE)
    bare = ENTITY.sub("", escaped)
    assert not set(bare) & set('"[]{}();|%#<>`&\\\n'), bare
    assert text_of(escaped) == HOSTILE
    assert len(text_of(label("x" * 200))) == LABEL_MAX


def test_hostile_names_stay_inside_their_labels(tmp_path: Path) -> None:
    built = plan.build(parse_file(PROFILES[0].parent / "nat.yaml"))
    hostile = replace(
        built,
        libvirt_nets=(replace(built.libvirt_nets[0], bridge='br"0]', subnet=HOSTILE),),
        vms=(replace(built.vms[0], name=HOSTILE),),
    )
    readme = next(f.text for f in render.render(hostile) if f.path == "README.md")
    block = readme.split("```mermaid\n", 1)[1].split("```", 1)[0]
    for line in block.splitlines()[1:]:
        words = line.split()
        if words[0] in ("subgraph", "end"):
            continue
        # a node line: id, its shape, one quoted label; an edge line: ids and a quoted label
        assert line.count('"') in (0, 2), line
        assert "%%" not in line and "<script" not in line and "```" not in line


def test_render_diff_shows_the_diagram_change(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from generator.cli import app

    profile = tmp_path / "nat.yaml"
    profile.write_text((PROFILES[0].parent / "nat.yaml").read_text())
    out = str(tmp_path / "out")
    runner = CliRunner()
    assert runner.invoke(app, ["render", str(profile), "-o", out, "-q"]).exit_code == 0
    profile.write_text(profile.read_text().replace("memory: 4G", "memory: 8G"))
    diff = runner.invoke(app, ["render", str(profile), "-o", out, "--diff"])
    assert diff.exit_code == 1
    changed = [line for line in diff.stdout.splitlines() if line.startswith(("-  ", "+  "))]
    assert '-    n2["VM ubuntu1904<br>4G, 1 CPU, kvm"]' in changed, diff.stdout
    assert '+    n2["VM ubuntu1904<br>8G, 1 CPU, kvm"]' in changed, diff.stdout

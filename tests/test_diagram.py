"""The README's topology diagram: its nodes and edges against the plan of every example, and
labels that no name can break out of."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator import plan, render
from generator.diagram import LABEL_MAX, Diagram, label, topology
from generator.validate import parse_file, parse_text
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
    bridges = {}
    for net in built.bridges:
        nic = node_of(d, f"uplink {net.uplink}\n")
        bridges[net.bridge] = node_of(d, f"bridge {net.bridge}\n")
        assert edges(d, nic, bridges[net.bridge]) == ["port"]
    for lnet in built.libvirt_nets:
        node = node_of(d, f"{lnet.name}\n{lnet.title} on {lnet.bridge}\n")
        assert f"{lnet.subnet}, gateway {lnet.address}" in text_of(
            next(n.text for n in d.nodes if n.id == node)
        )
        out = [(e.target, text_of(e.text)) for e in d.edges if e.source == node]
        if lnet.kind == "nat":
            assert out == [(node_of(d, "LAN / upstream"), "masquerade")]
        elif lnet.kind == "routed":
            way = bridges.get(lnet.uplink) or node_of(d, f"uplink {lnet.uplink}")
            assert out == [(way, f"route {lnet.subnet}")]
        else:
            assert out == []
    forwards = sum(len(n.firewall.forwards) for n in built.libvirt_nets)
    forwards += sum(len(u.forwards) for vm in built.vms for u in vm.user_nics)
    assert sum("→" in text_of(e.text) for e in d.edges) == forwards
    for vm in built.vms:
        node = node_of(d, f"VM {vm.name}\n")
        for nic in vm.nics:
            if nic.kind == "bridge":
                network = bridges[nic.bridge]
            else:
                network = node_of(d, f"{nic.network}\n")
            assert edges(d, node, network) == [f"{nic.device} {nic.mac}"]
        for unic in vm.user_nics:
            user = node_of(d, f"{unic.network}\nuser mode ({unic.backend}) of VM {vm.name}")
            assert edges(d, node, user) == [f"{unic.device} {unic.mac}"]
        for vfio in vm.vfio:
            assert edges(d, node, node_of(d, f"PCI {vfio.device}")) == ["passthrough"]
        assert sum(node in g.members for g in d.groups) == 1  # each VM in one group


def test_many_vms_are_drawn_as_one_node_per_group() -> None:
    vms = "".join(
        f"  - {{name: vm{i:03}, memory: 1G, nics: [{{network: a}}, {{network: b}}]}}\n"
        for i in range(200)
    )
    text = (
        "name: many\nnetworks:\n"
        "  a: {type: isolated, bridge: virbr1, subnet: 10.1.0.0/16}\n"
        "  b: {type: isolated, bridge: virbr2, subnet: 10.2.0.0/16}\n"
        "vms:\n" + vms
    )
    built = plan.build(parse_text(text))
    d = topology(built)
    assert len(d.edges) < 500  # Mermaid's maxEdges
    group = node_of(d, "200 VMs\n")
    assert text_of(next(n.text for n in d.nodes if n.id == group)) == "200 VMs\nvm000 … vm199"
    assert len(edges(d, group, node_of(d, "a\n"))) == 1
    assert len(edges(d, group, node_of(d, "b\n"))) == 1


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

"""The one Jinja environment, its filters, and the rule that templates only format."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from generator import locations, plan, precompiled, render
from generator.diagram import topology
from generator.validate import parse_text
from tests.conftest import BASE_PROFILE, ROOT, files_by_path, render_path

SHELL_FILTERS = {"sh", "shq", "sh_words", "sh_comment", "sh_expand"}


def test_environment_is_strict() -> None:
    env = render.environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.keep_trailing_newline
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "with space",
        "it's",
        "$(touch PWNED)",
        "`touch PWNED`",
        "a\nb",
        "",
        "-n",
        "*",
        "'\"\\",
        "it's $HOME",
        "back\\slash$",
        '"q"$',
        "${IFS}",
    ],
)
def test_shell_filters_give_one_literal_word(value: str, tmp_path: Path) -> None:
    for quote in (render.shell_quote, render.shell_quote_always):
        script = f'set -- {quote(value)}; printf \'%s|%s\' "$#" "$1"'
        out = subprocess.run(
            ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        assert out.stdout == f"1|{value}"
    assert not (tmp_path / "PWNED").exists()


def test_dollar_text_is_double_quoted_for_shellcheck() -> None:
    assert render.shell_quote("$(touch x)") == '"\\$(touch x)"'
    assert render.shell_quote("it's") == '"it\'s"'  # no $, `, \ or ": readable in double quotes
    assert render.shell_quote('it\'s "x"') == "'it'\"'\"'s \"x\"'"
    assert render.shell_quote("virbr0") == "virbr0"


def test_shell_filter_refuses_booleans() -> None:
    with pytest.raises(TypeError):
        render.shell_quote(True)


def test_shell_comment_is_one_line() -> None:
    assert render.shell_comment("a\nb\rc\x00d") == "a b c d"


def _output_expressions(template: str) -> list[nodes.Expr]:
    env = render.environment()
    assert env.loader is not None
    source = env.loader.get_source(env, template)[0]
    tree = env.parse(source)
    found = []
    for output in tree.find_all(nodes.Output):
        found += [n for n in output.nodes if not isinstance(n, nodes.TemplateData)]
    return found


def _is_constant(node: nodes.Expr) -> bool:
    if isinstance(node, nodes.Const):
        return True
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return node.node.name == "caller"  # a {% call %} body: template text, linted itself
    if isinstance(node, nodes.CondExpr):
        return _is_constant(node.expr1) and (node.expr2 is None or _is_constant(node.expr2))
    return False


SHELL_TEMPLATES = sorted(
    p.relative_to(locations.templates_dir()).as_posix()
    for p in locations.templates_dir().rglob("*.sh.j2")
)


def test_there_are_shell_templates() -> None:
    assert "vm/launch.sh.j2" in SHELL_TEMPLATES and "libvirt/setup.sh.j2" in SHELL_TEMPLATES


@pytest.mark.parametrize("template", SHELL_TEMPLATES)
def test_every_value_in_a_shell_template_is_quoted(template: str) -> None:
    for expr in _output_expressions(template):
        if _is_constant(expr):
            continue
        assert isinstance(expr, nodes.Filter) and expr.name in SHELL_FILTERS, (
            f"{template}:{expr.lineno}: a value reaches the script without sh/shq/sh_comment"
        )


def test_the_lint_catches_an_unquoted_value(tmp_path: Path) -> None:
    env = render.environment()
    tree = env.parse("echo {{ plan.name }}\necho {{ plan.name | sh }}\n")
    exprs = [
        n
        for o in tree.find_all(nodes.Output)
        for n in o.nodes
        if not isinstance(n, nodes.TemplateData)
    ]
    assert [isinstance(e, nodes.Filter) for e in exprs] == [False, True]


def test_xml_is_escaped() -> None:
    built = plan.build(parse_text(BASE_PROFILE))
    hostile = replace(built.libvirt_nets[0], name="a<b>&'\"c")
    text = (
        render.environment().get_template("libvirt/network.xml.j2").render(plan=built, net=hostile)
    )
    root = ET.fromstring(text)
    assert root.findtext("name") == "a<b>&'\"c"


def test_templates_dir_is_the_checkout_or_the_package() -> None:
    assert (locations.templates_dir() / "vm" / "launch.sh.j2").is_file()


def test_a_planted_compiled_template_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing the renderer runs comes from a writable cache: a compiled template planted
    where a bytecode cache would look (the operator's ~/.cache) is not loaded."""
    env = render.environment()
    name = "README.md.j2"
    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    for folder in (tmp_path / "qemu-netgen" / "templates", tmp_path / "qemu-netgen"):
        folder.mkdir(parents=True, exist_ok=True)
        planted = jinja2.FileSystemBytecodeCache(str(folder))
        bucket = planted.get_bucket(env, name, filename, source)
        bucket.code = env.compile("PLANTED {{ 6 * 7 }}", name, filename)
        planted.set_bucket(bucket)
    assert any((tmp_path / "qemu-netgen" / "templates").iterdir())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    render.environment.cache_clear()
    try:
        files = files_by_path(render_path(ROOT / "profiles" / "nat.yaml"))
    finally:
        render.environment.cache_clear()
    assert "PLANTED" not in files["README.md"].text and "42" not in files["README.md"].text
    assert files["README.md"].text.startswith("# ")


@pytest.mark.parametrize("value", ["/rom/a.bin", "/rom/a`b.bin", "/rom/``x|y.bin", "/rom/ends`"])
def test_markdown_code_shows_the_value_in_a_table_cell(value: str) -> None:
    cell = render.markdown_code(value)
    row = f"| {cell} | b |"
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 4, row
    fence = re.match(r"`+", cell)
    assert fence is not None
    inner = cell[len(fence.group()) : -len(fence.group())]
    assert inner.strip(" ").replace("\\|", "|") == value
    assert "`" * len(fence.group()) not in inner


def test_a_romfile_reaches_the_runbook_as_code() -> None:
    text = BASE_PROFILE.replace(
        "networks:\n",
        'networks:\n  nic:\n    type: passthrough\n    device: "81:00.0"\n'
        '    romfile: "/rom/a`b|c.rom"\n',
    )
    readme = files_by_path(render.render(plan.build(parse_text(text))))["README.md"]
    assert "| ``/rom/a`b\\|c.rom`` |" in readme.text


def test_the_shipped_compiled_templates_are_current(tmp_path: Path) -> None:
    """generator/compiled_templates is what the templates compile to now (after a template
    changes: .venv/bin/python -m generator.render)."""
    precompiled.write(render.environment(), tmp_path)
    fresh = {p.name: p.read_text() for p in tmp_path.iterdir()}
    shipped = {p.name: p.read_text() for p in precompiled.FOLDER.iterdir() if p.is_file()}
    assert fresh == shipped


def test_a_compiled_template_whose_source_changed_is_not_used(tmp_path: Path) -> None:
    """A template edited after compiling is compiled afresh: the output follows the source."""
    import shutil

    folder = tmp_path / "templates"
    shutil.copytree(locations.templates_dir(), folder)
    readme = folder / "README.md.j2"
    readme.write_text("EDITED {{ plan.name }}\n" + readme.read_text())
    env = render.environment()
    edited = jinja2.Environment(loader=precompiled.Loader(folder), **_settings(env))
    edited.filters.update(env.filters)
    built = plan.build(parse_text(BASE_PROFILE))
    text = edited.get_template("README.md.j2").render(plan=built, diagram=topology(built))
    assert text.startswith("EDITED lab1\n")


def _settings(env: jinja2.Environment) -> dict[str, object]:
    return {
        "undefined": env.undefined,
        "keep_trailing_newline": env.keep_trailing_newline,
        "trim_blocks": env.trim_blocks,
        "lstrip_blocks": env.lstrip_blocks,
        "autoescape": env.autoescape,
        "comment_start_string": env.comment_start_string,
        "comment_end_string": env.comment_end_string,
    }


def test_a_shipped_module_from_another_source_or_setting_is_not_used(tmp_path: Path) -> None:
    """A module whose recorded checksum is not its template's (an old module beside a new
    sources.json), or an environment with other settings: the template is compiled."""
    import shutil

    shipped = tmp_path / "compiled"
    shutil.copytree(precompiled.FOLDER, shipped)
    env = render.environment()
    name = "README.md.j2"
    module = shipped / jinja2.ModuleLoader(str(shipped)).get_module_filename(name)
    text = module.read_text().replace("Bundle", "OLDVERSION")
    module.write_text(text.replace(precompiled.SUM_NAME + " = '", precompiled.SUM_NAME + " = '0"))
    own = jinja2.Environment(
        loader=precompiled.Loader(locations.templates_dir(), shipped), **_settings(env)
    )
    own.filters.update(env.filters)
    built = plan.build(parse_text(BASE_PROFILE))
    out = own.get_template(name).render(plan=built, diagram=topology(built))
    assert "OLDVERSION" not in out and out.startswith("# Bundle `lab1`")

    other = _settings(env) | {"lstrip_blocks": False}
    assert precompiled.source_sum(jinja2.Environment(**other), "x") != precompiled.source_sum(
        env, "x"
    )

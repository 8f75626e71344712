"""Plan -> the files of a bundle: (path, text, mode), through one Jinja environment.

The environment is built once per process. Its templates come compiled with the package
(:mod:`generator.precompiled`), or are compiled in memory where a template changed since:
nothing that runs comes from a cache outside the package. It fails on any undefined name, keeps the
trailing newline of every template, escapes everything printed into XML, and offers
the ``sh`` filter through which every value printed into a shell script must go
(a test checks that no template prints a value without it).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import jinja2

from generator import precompiled
from generator.diagram import topology
from generator.fleet import FLEET_FILES, FleetPlan
from generator.locations import templates_dir
from generator.manifest import MARKER, RenderedFile, digest
from generator.plan import Plan
from generator.stacks import STACKS

SUMS = "SHA256SUMS"
MARKER_TEXT = "This folder is a bundle written by qemu-netgen; render replaces it as a whole.\n"
BRIDGE_TEMPLATES = {
    "ip": ("bridge/ip-up.sh.j2", "bridge/ip-down.sh.j2"),
    "nmcli": ("bridge/nm-setup.sh.j2", "bridge/nm-teardown.sh.j2"),
    **{stack: ("bridge/stack-setup.sh.j2", "bridge/stack-teardown.sh.j2") for stack in STACKS},
}
EXEC = 0o755
DATA = 0o644


_SAFE_WORD = re.compile(r"[A-Za-z0-9_./:=,@%+-]+")


def shell_quote(value: Any) -> str:
    """One shell word, safe in any bash context: bare when harmless, else quoted."""
    if isinstance(value, bool):
        raise TypeError("pass booleans to the sh filter as 1/0, not True/False")
    text = str(value)
    return text if _SAFE_WORD.fullmatch(text) else shell_quote_always(text)


def shell_quote_always(value: Any) -> str:
    """One shell word, always quoted (also where shellcheck would misread a bare word).

    Text with a dollar sign, a backquote or a backslash goes in double quotes, with those
    and the double quote escaped (shellcheck takes them inside single quotes for mistakes);
    anything else goes in single quotes.
    """
    if isinstance(value, bool):
        raise TypeError("pass booleans to the shq filter as 1/0, not True/False")
    text = str(value)
    if "$" in text or "`" in text or "\\" in text:
        return '"' + re.sub(r'([\\"$`])', r"\\\1", text) + '"'
    if "'" in text and '"' not in text:  # "the host's network" reads better than '\''
        return '"' + text + '"'
    return "'" + text.replace("'", "'\"'\"'") + "'"


_EXPANSION = re.compile(r"[A-Za-z0-9_,=.:-]*\$[A-Za-z_][A-Za-z0-9_]*")


def shell_expansion(value: Any) -> str:
    """A fixed text ending in one of the script's own variables (``,vhost=$vhost``), double
    quoted so the variable expands when the script runs; "" stays empty. Nothing else
    passes: this filter is for the plan's own constants, never for profile values."""
    text = str(value)
    if text == "":
        return ""
    if not _EXPANSION.fullmatch(text):
        raise ValueError(f"{text!r} is not a text and one variable for sh_expand")
    return f'"{text}"'


def shell_words(values: Any) -> str:
    """Several shell words, each quoted: for a `for x in ...` list."""
    return " ".join(shell_quote(v) for v in values)


def shell_comment(value: Any) -> str:
    """Text for a ``#`` comment: one line, no control characters."""
    text = str(value)
    if text.isprintable():  # the usual case, without a look at each character
        return text
    return "".join(c if c.isprintable() else " " for c in text)


def markdown_code(value: Any) -> str:
    """A Markdown code span that shows ``value`` as it is, also in a table cell: fenced with
    more backticks than it holds, padded where it starts or ends with one, and with ``|``
    escaped (GitHub tables split cells on it even inside code)."""
    text = str(value)
    if not text.isprintable():
        raise ValueError(f"{text!r} does not show as itself in Markdown")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


_UNIT_WORD = re.compile(r"[A-Za-z0-9_./@:+-]+")


def unit_word(value: Any) -> str:
    """A value in a systemd unit file: a plain word that systemd reads as itself (no
    specifier ``%``, no ``$``, no quotes or spaces). The profile's rules keep names so; a
    value that is not is refused, never written."""
    text = str(value)
    if not _UNIT_WORD.fullmatch(text):
        raise ValueError(f"{text!r} is not a plain word for a systemd unit")
    return text


def unit_text(value: Any) -> str:
    """Free text in a systemd unit (Description=): one line, ``%`` written twice."""
    text = str(value)
    if not text.isprintable() or "\\" in text:
        raise ValueError(f"{text!r} cannot be written into a systemd unit")
    return text.replace("%", "%%")


def json_value(value: Any) -> str:
    """A JSON string or number (also a YAML scalar that YAML reads as the same)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"{value!r}: the json filter takes text or whole numbers")
    return json.dumps(value)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".xml.j2", ".html.j2"))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=precompiled.Loader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=_autoescape,
        auto_reload=False,
        # bash's ${#array[@]} would open a Jinja comment; templates comment with {## ##}
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["sh"] = shell_quote
    env.filters["shq"] = shell_quote_always
    env.filters["sh_words"] = shell_words
    env.filters["sh_comment"] = shell_comment
    env.filters["sh_expand"] = shell_expansion
    env.filters["md_code"] = markdown_code
    env.filters["unit"] = unit_word
    env.filters["unit_text"] = unit_text
    env.filters["json"] = json_value
    return env


def _render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render(plan: Plan) -> list[RenderedFile]:
    """Every file of the bundle, sorted by path, ``SHA256SUMS`` included."""
    files: list[RenderedFile] = []

    def add(path: str, template: str, mode: int, **context: Any) -> None:
        files.append(RenderedFile(path, _render(template, plan=plan, **context), mode))

    add("README.md", "README.md.j2", DATA, diagram=topology(plan))
    add("preflight.sh", "preflight.sh.j2", EXEC)
    add("install-packages.sh", "install-packages.sh.j2", EXEC)
    add("steps.json", "steps.json.j2", DATA)
    for net in plan.libvirt_nets:
        add(net.xml_path, "libvirt/network.xml.j2", DATA, net=net)
        add(net.setup_path, "libvirt/setup.sh.j2", EXEC, net=net)
        add(net.teardown_path, "libvirt/teardown.sh.j2", EXEC, net=net)
        if net.sysctl is not None:
            add(net.sysctl.source, "libvirt/sysctl.conf.j2", DATA, net=net)
        if net.firewall.forwards:
            add(net.firewall.hook_path, "libvirt/forwards-hook.sh.j2", EXEC, net=net)
    if plan.forwarding:  # one for the bundle: it runs every hook of the folder
        first = plan.forwarding[0]
        add(first.firewall.dispatcher_path, "libvirt/dispatcher.sh.j2", EXEC, net=first)
    for bridge in plan.bridges:
        apply, undo = BRIDGE_TEMPLATES[bridge.method]
        add(bridge.apply_path, apply, EXEC, net=bridge)
        add(bridge.undo_path, undo, EXEC, net=bridge)
        for file in bridge.stack.files if bridge.stack else ():
            add(file.path, file.template, DATA, net=bridge, file=file)
    for dev in plan.passthroughs:
        add(dev.bind_path, "vfio/bind.sh.j2", EXEC, net=dev)
        add(dev.restore_path, "vfio/restore.sh.j2", EXEC, net=dev)
    if plan.acl is not None:
        add(plan.acl.conf_path, "acl/bridge.conf.j2", DATA, acl=plan.acl)
        add(plan.acl.install_path, "acl/install.sh.j2", EXEC, acl=plan.acl)
        add(plan.acl.remove_path, "acl/remove.sh.j2", EXEC, acl=plan.acl)
    for vm in plan.vms:
        add(vm.launch_path, "vm/launch.sh.j2", EXEC, vm=vm)
        add(vm.unit.stop, "vm/stop.sh.j2", EXEC, vm=vm)
        add(vm.unit.path, "vm/unit.service.j2", DATA, vm=vm, unit=vm.unit)
    if plan.units is not None:
        add(plan.units.install_path, "units/install.sh.j2", EXEC, units=plan.units)
        add(plan.units.remove_path, "units/remove.sh.j2", EXEC, units=plan.units)
    return sealed(files)


def sealed(files: list[RenderedFile]) -> list[RenderedFile]:
    """``files`` with the folder's marker and ``SHA256SUMS`` (of every other file), by path."""
    files = [*files, RenderedFile(MARKER, MARKER_TEXT, DATA)]
    files.sort(key=lambda f: f.path)
    sums = "".join(f"{digest(f.text.encode())}  {f.path}\n" for f in files if f.path != MARKER)
    files.append(RenderedFile(SUMS, sums, DATA))
    files.sort(key=lambda f: f.path)
    return files


def render_fleet(fleet: FleetPlan) -> list[RenderedFile]:
    """Every file of the fleet's Ansible project, sorted by path, ``SHA256SUMS`` included."""
    files = [
        RenderedFile(path, _render(f"ansible/{path}.j2", fleet=fleet), DATA) for path in FLEET_FILES
    ]
    return sealed(files)


if __name__ == "__main__":  # python -m generator.render: write the compiled templates
    precompiled.write(environment())
    print(f"compiled templates written to {precompiled.FOLDER}")

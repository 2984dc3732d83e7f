"""The house: one-way imports between the pipeline's stages (docs/architecture.md).

The import graph of ``src/eventx`` is read from the AST, function-level
imports included (only imports under ``if TYPE_CHECKING:``, which never
run, are left out).  It must have no cycle, and no module may import from a
stage above its own.  The checker itself is tested on small trees that break
each rule, so a passing run means something.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, python_output

PACKAGE = ROOT / "src" / "eventx"

STAGES: list[tuple[str, tuple[str, ...]]] = [  # bottom to top
    ("records", ("eventx.version", "eventx.streams", "eventx.records")),
    ("knowledge", ("eventx.knowledge",)),
    ("inputs", ("eventx.inputs",)),
    ("analysis", ("eventx.analysis",)),
    ("rules", ("eventx.rules",)),
    ("coding", ("eventx.coding",)),
    ("events", ("eventx.events",)),
    ("pipeline", ("eventx.pipeline",)),
    ("running", ("eventx.running",)),
    (
        "faces",
        (
            "eventx.api",
            "eventx.component",
            "eventx.evaluate",
            "eventx.disputes",
            "eventx.tables",
            "eventx.render",
            "eventx.spark",
            "eventx.cli",
            "eventx",
        ),
    ),
]
MAX_LINES = 400


def module_names(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package at ``root``."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except under ``if TYPE_CHECKING``."""
    for node in ast.iter_child_nodes(tree):
        if _type_checking(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in its code)."""
    modules = module_names(root)
    package = root.name
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:  # relative: resolve against this module's package
                    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            for target in targets:
                if target == package or target.startswith(package + "."):
                    while target not in modules:
                        target = target.rsplit(".", 1)[0]
                    if target != name:
                        graph[name].add(target)
    return graph


def stage_of(module: str, stages: list[tuple[str, tuple[str, ...]]]) -> int:
    """The stage whose longest prefix names the module."""
    best: tuple[int, int] | None = None
    for level, (_, prefixes) in enumerate(stages):
        for prefix in prefixes:
            inside = module == prefix or module.startswith(prefix + ".")
            if inside and (best is None or len(prefix) > best[1]):
                best = (level, len(prefix))
    if best is None:
        raise AssertionError(f"{module} belongs to no stage: add it to STAGES")
    return best[0]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def upward_imports(
    graph: dict[str, set[str]], stages: list[tuple[str, tuple[str, ...]]]
) -> list[str]:
    return [
        f"{module} ({stages[stage_of(module, stages)][0]}) imports {target} "
        f"({stages[stage_of(target, stages)][0]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if stage_of(target, stages) > stage_of(module, stages)
    ]


# -- the package -------------------------------------------------------------------


def test_imports_have_no_cycle() -> None:
    assert cycles(import_graph(PACKAGE)) == []


def test_no_stage_imports_from_a_stage_above_it() -> None:
    assert upward_imports(import_graph(PACKAGE), STAGES) == []


def test_the_record_model_imports_nothing_above_it() -> None:
    graph = import_graph(PACKAGE)
    model = {m for m in graph if stage_of(m, STAGES) == 0}
    assert {t for m in model for t in graph[m]} <= model


def test_every_module_is_under_the_line_limit() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.mark.parametrize("statement", ["import eventx", "import eventx.cli"])
def test_importing_eventx_loads_no_heavy_stack(statement: str) -> None:
    """``import eventx`` and what ``eventx --help`` loads: no spaCy, no HTML
    stack, no pandas (python -X importtime shows the same; bench/startup.py)."""
    code = (
        f"{statement}; import sys; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'spacy', 'trafilatura', 'pandas', 'pyarrow', 'lxml', 'thinc'}))"
    )
    assert python_output(code) == "[]"


# -- the checker, on trees that break the rules ---------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for relative, text in files.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


TOY_STAGES = [("low", ("pkg.low",)), ("high", ("pkg.high", "pkg"))]


def test_the_checker_finds_a_cycle_through_a_function_level_import(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "high.py": "from pkg.low import thing\n",
            "low.py": "def thing():\n    from pkg import high\n    return high\n",
        },
    )
    graph = import_graph(package)
    assert cycles(graph) == [["pkg.high", "pkg.low"]]
    assert upward_imports(graph, TOY_STAGES) == ["pkg.low (low) imports pkg.high (high)"]


def test_the_checker_ignores_type_checking_imports(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "high.py": "from pkg.low import thing\n",
            "low.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from pkg.high import Other\n"
                "def thing() -> None: ...\n"
            ),
        },
    )
    graph = import_graph(package)
    assert cycles(graph) == [] and upward_imports(graph, TOY_STAGES) == []


def test_the_checker_resolves_submodules_and_relative_imports(tmp_path: Path) -> None:
    package = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "low/__init__.py": "",
            "low/a.py": "from . import b\n",
            "low/b.py": "from ..high import c\n",
            "high/__init__.py": "",
            "high/c.py": "",
        },
    )
    graph = import_graph(package)
    assert graph["pkg.low.a"] == {"pkg.low.b"}
    assert graph["pkg.low.b"] == {"pkg.high.c"}
    assert upward_imports(graph, TOY_STAGES) == ["pkg.low.b (low) imports pkg.high.c (high)"]

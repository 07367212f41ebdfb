"""The house's layers, read from the source: no import circles, and arrows point down.

Every import counts, also one inside a function (it still ties the two modules together);
only imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "oefenplek"
QT_WIDGETS = {"PySide6.QtWidgets", "PySide6.QtPrintSupport"}
#: What each layer may not import: our own layers, and outside packages.
FORBIDDEN: dict[str, tuple[set[str], set[str]]] = {
    "core": ({"storage", "documents", "gui", "views", "app", "cli", "selftest"},
             {"PySide6", "sqlalchemy", "alembic", "reportlab", "openpyxl"}),
    "storage": ({"gui", "documents", "views", "app", "cli", "selftest"}, {"PySide6"}),
    "documents": ({"gui", "storage", "views", "app", "cli", "selftest"}, {"PySide6"}),
    "views": ({"gui", "app", "cli", "selftest"}, {"PySide6", "sqlalchemy", "alembic"}),
    "speech": ({"storage", "documents", "gui", "views", "app", "cli", "selftest"},
               {"PySide6", "sqlalchemy", "alembic"}),
}


def module_name(file: Path) -> str:
    parts = file.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(file: Path, name: str, modules: frozenset[str] = frozenset()) -> set[str]:
    """Absolute names of everything `file` imports (at run time).

    `from package import module` counts as importing that module, not the package's
    `__init__` (whose re-exports are not used); other names count as the package.
    """
    tree = ast.parse(file.read_text(encoding="utf-8"))
    typing_only = {id(node) for branch in ast.walk(tree)
                   if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
                   for statement in branch.body for node in ast.walk(statement)}
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            named = {f"{base}.{alias.name}" for alias in node.names}
            found.update(named)
            if not named <= modules:
                found.add(base)
    return found


def graph() -> dict[str, set[str]]:
    """Our modules and which of our modules each one imports."""
    files = {module_name(file): file for file in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, file in files.items():
        targets = set()
        for imported in imports_of(file, name, frozenset(files)):
            while imported and imported not in files:  # oefenplek.x.Name -> oefenplek.x
                imported = imported.rpartition(".")[0]
            if imported and imported not in (name, "oefenplek"):
                targets.add(imported)
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "top"


def breaches() -> list[str]:
    files = {module_name(file): file for file in PACKAGE.rglob("*.py")}
    found = []
    for name, file in sorted(files.items()):
        own_layer = layer(name)
        imported = imports_of(file, name)
        ours, outside = FORBIDDEN.get(own_layer, (set(), set()))
        for target in sorted(imported):
            top = target.split(".")[0]
            if (top == "oefenplek" and layer(target) in ours) or top in outside:
                found.append(f"{name} imports {target}")
            elif own_layer != "gui" and any(target.startswith(w) for w in QT_WIDGETS):
                found.append(f"{name} imports Qt widgets ({target}); only gui may")
    return found


def test_no_module_imports_itself_round_a_circle() -> None:
    assert cycles(graph()) == []


def test_arrows_point_down() -> None:
    assert breaches() == []


@pytest.mark.parametrize("modules", [
    "oefenplek.core, oefenplek.core.engine, oefenplek.core.lessons, oefenplek.core.progress, "
    "oefenplek.core.learners, oefenplek.core.pronunciation",
    "oefenplek.views.staff, oefenplek.views.coordinator, oefenplek.views.reports",
    "oefenplek.speech.espeak, oefenplek.speech.builtin, oefenplek.speech.resample",
], ids=["core", "views", "speech"])
def test_loading_the_layer_loads_neither_qt_nor_the_database_library(modules: str) -> None:
    """What the import graph says, checked by really importing, in a fresh interpreter."""
    code = (f"import sys, {modules}\n"
            "heavy = ('PySide6', 'sqlalchemy', 'alembic')\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in heavy]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_see_a_circle_and_a_breach() -> None:
    """The two checks above would fail on a real circle or a real breach."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    edges = graph()
    assert "oefenplek.storage.repository" in edges["oefenplek.storage.learner_admin"]
    assert "oefenplek.gui.services" in edges["oefenplek.gui.controller"]
    assert layer("oefenplek.core.engine") == "core"

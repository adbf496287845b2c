"""No module of ``src/notice_lint`` or ``rules/`` imports a module that imports it.

The graph is read with ``ast`` (nothing is imported).  Both module-level
imports and imports inside functions count: a module-level circle can break
at import time, and a lazy one still hides which of the two modules is the
lower layer (``document/styles.py`` used to import ``read_part`` lazily from
``document/docx.py``, which imports ``apply_styles`` lazily from it).
Imports under ``if TYPE_CHECKING:`` never run and do not count; neither do
``importlib.import_module`` calls (the rule families, the reporters), whose
targets are strings.  Importing ``a.b`` also runs ``a/__init__.py``, but a
package's face importing its own submodules is how packages work, so the
implicit parent edge is not counted: an edge goes to the module named.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

#: package name -> folder (rules/ is installed as notice_lint_rules; "rules." imports are the same modules)
TREES = {"notice_lint": ROOT / "src" / "notice_lint", "notice_lint_rules": ROOT / "rules"}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for top, folder in TREES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([top, *parts])] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[tuple[ast.stmt, bool]]:
    """(import statement, at module level) pairs, skipping TYPE_CHECKING blocks."""
    found: list[tuple[ast.stmt, bool]] = []

    def walk(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for sub in child.orelse:
                    walk_one(sub, top)
                continue
            walk_one(child, top)

    def walk_one(child: ast.AST, top: bool) -> None:
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            found.append((child, top))
            return
        inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        walk(child, inner)

    walk(tree, True)
    return found


def import_graph() -> dict[str, dict[str, bool]]:
    """module -> {imported module: True when imported at module level}."""
    modules = _modules()
    graph: dict[str, dict[str, bool]] = {m: {} for m in modules}
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        package = name if is_pkg else name.rpartition(".")[0]
        for node, top in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base_parts = package.split(".")
                    base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                    base = ".".join(base_parts + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            for target in targets:
                if target == "rules" or target.startswith("rules."):
                    target = "notice_lint_" + target
                while target and target not in modules:  # "import a.b.c" of a non-module c
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name][target] = graph[name].get(target, False) or top
    return graph


def cycles(graph: dict[str, dict[str, bool]], *, top_only: bool) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def edges(v: str) -> list[str]:
        return sorted(w for w, top in graph[v].items() if top or not top_only)

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges(v):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_graph_sees_the_tree():
    graph = import_graph()
    # a check that reads nothing cannot fail: the known edges must be there
    assert graph["notice_lint.document.styles"]["notice_lint.document.package"] is True
    assert graph["notice_lint.document.docx"]["notice_lint.document.styles"] is False  # lazy
    assert graph["notice_lint.plugins"]["notice_lint.suppress"] is False
    assert graph["notice_lint.suppress"]["notice_lint.hookspec"] is True
    assert "notice_lint.plugins" in graph["notice_lint_rules"]
    assert graph["notice_lint_rules.language.NL202"]["notice_lint_rules._memo"] is True  # absolute, in rules/
    assert graph["notice_lint_rules.language.NL202"]["notice_lint_rules.language._syllables"] is True  # relative


def test_cycle_finder_finds_a_lazy_pair_and_a_longer_ring():
    pair = {"a": {"b": True}, "b": {"a": False}, "c": {"a": True}}
    assert cycles(pair, top_only=False) == [["a", "b"]]
    assert cycles(pair, top_only=True) == []
    ring = {"a": {"b": True}, "b": {"c": True}, "c": {"a": True}}
    assert cycles(ring, top_only=True) == [["a", "b", "c"]]


def test_no_import_circle():
    found = cycles(import_graph(), top_only=False)
    assert found == [], "modules that import each other (module-level or lazy): %s" % found

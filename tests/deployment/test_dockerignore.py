"""The build context keeps secrets, databases, environments, tests and VCS data out.

A working tree like a developer's (the repository's files, a git directory,
`.env`, the dev admin password, a SQLite database, a virtual environment,
node_modules, caches, media) is read the way the builder reads it
(tests/dockerignore.py), with the repository's own .dockerignore.
"""

import shutil
import subprocess

import pytest
from django.conf import settings

from tests.deployment.dockerignore import DockerIgnore, read_patterns
from tests.servers import ROOT

LOCAL_FILES = {
    ".env": "DJANGO_SECRET_KEY=local-secret\n",
    "prod.env": "DATABASE_URL=postgres://portal:secret@db/portal\n",
    ".env.production": "DJANGO_SECRET_KEY=another-secret\n",
    ".dev-admin-password": "hunter2-but-longer\n",
    "db.sqlite3": "SQLite format 3\0",
    "db.sqlite3-journal": "",
    ".venv/bin/python": "",
    ".venv/lib/python3.11/site-packages/django/__init__.py": "",
    "venv/pyvenv.cfg": "",
    "node_modules/axe-core/axe.min.js": "",
    "portal/__pycache__/settings.cpython-311.pyc": "",
    "locale/ar/LC_MESSAGES/django.mo": "",
    ".pytest_cache/v/cache/lastfailed": "",
    ".ruff_cache/CACHEDIR.TAG": "",
    ".hypothesis/examples/x": "",
    "staticfiles/staticfiles.json": "{}",
    "media/pdf/sv/page.pdf": "%PDF-1.7",
    "screenshots/ar.png": "",
    "gothenburg_housing_portal.egg-info/PKG-INFO": "",
}

NEVER_SENT = [
    ".env",
    "prod.env",
    ".env.production",
    ".env.example",
    ".dev-admin-password",
    "db.sqlite3",
    "db.sqlite3-journal",
    ".venv/",
    "venv/",
    "node_modules/",
    ".git/",
    "tests/",
    "bench/",
    "requirements/dev.txt",
    ".ci/",
    "docs/",
    "__pycache__/",
    ".mo",
    ".pytest_cache/",
    ".ruff_cache/",
    ".hypothesis/",
    "staticfiles/",
    "media/",
    "screenshots/",
    ".egg-info/",
]

NEEDED = [
    "manage.py",
    "requirements/runtime.txt",
    "portal/settings/base.py",
    "portal/settings/security.py",
    "portal/settings/caches.py",
    "portal/settings/tasks.py",
    "portal/settings/api.py",
    "portal/settings/logging.py",
    "portal/settings/production.py",
    "portal/settings/environment.py",
    "portal/wsgi.py",
    "portal/gunicorn.conf.py",
    "portal/log_privacy.py",
    "templates/base.html",
    "static/css/portal.css",
    "locale/ar/LC_MESSAGES/django.po",
    "locale/ti/LC_MESSAGES/django.po",
]


@pytest.fixture(scope="module")
def working_tree(tmp_path_factory):
    """The repository's files plus what a developer's checkout holds besides them."""
    tree = tmp_path_factory.mktemp("context")
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        source = ROOT / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tree / name)
    # Files of this branch not committed yet count as well.
    shutil.copyfile(ROOT / ".dockerignore", tree / ".dockerignore")
    for name, content in LOCAL_FILES.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(content)
    subprocess.run(["git", "init", "--quiet", str(tree)], check=True)
    subprocess.run(["git", "-C", str(tree), "add", "manage.py"], check=True)
    assert (tree / ".git" / "HEAD").exists() and (tree / ".git" / "index").exists()
    return tree


@pytest.fixture(scope="module")
def sent(working_tree):
    return DockerIgnore.from_file(working_tree / ".dockerignore").sent_files(working_tree)


def test_the_working_tree_holds_what_must_stay_out(working_tree):
    for name in [
        *LOCAL_FILES,
        ".env.example",
        "tests/servers/portal.py",
        "bench/run.py",
        ".ci/run",
    ]:
        assert (working_tree / name).exists(), name


@pytest.mark.parametrize("name", NEVER_SENT)
def test_secrets_databases_environments_tests_and_vcs_data_are_not_sent(sent, name):
    leaked = sorted(
        path
        for path in sent
        if (f"/{path}/" if name.endswith("/") else f"/{path}").count(f"/{name}")
        or (name.startswith(".") and not name.endswith("/") and path.endswith(name))
    )
    assert not leaked, leaked


@pytest.mark.parametrize("name", NEEDED)
def test_what_the_image_needs_is_sent(sent, name):
    assert name in sent


def test_every_file_of_every_app_of_the_portal_is_sent(working_tree, sent):
    # The test settings add an app of the suite's own (tests/database_reset), not the portal's.
    apps = [app for app in settings.INSTALLED_APPS if not app.startswith("tests.")]
    folders = {"portal"} | {app.split(".")[0] for app in apps}
    local = sorted(folder for folder in folders if (ROOT / folder).is_dir())
    assert {"portal", "housing_info", "feedback", "sharing", "search"} <= set(local)
    for folder in local:
        files = {
            path.relative_to(working_tree).as_posix()
            for path in (working_tree / folder).rglob("*")
            if path.is_file()
        } - set(LOCAL_FILES)
        assert f"{folder}/__init__.py" in files, folder
        assert files <= sent, sorted(files - sent)


def test_the_same_rules_hold_for_the_real_checkout(sent):
    """This worktree, whatever a developer left in it, sends nothing more than the copy."""
    real = DockerIgnore.from_file(ROOT / ".dockerignore").sent_files(ROOT)
    assert not [path for path in real if path.startswith((".venv/", ".git/", "tests/"))]
    assert not {".env", ".dev-admin-password", "db.sqlite3"} & real
    assert {"manage.py", "pyproject.toml", "portal/gunicorn.conf.py"} <= real


# The matcher itself, against the rules Docker documents for .dockerignore.


@pytest.mark.parametrize(
    ("patterns", "path", "excluded"),
    [
        (["*/temp*"], "somedir/temporary.txt", True),
        (["*/temp*"], "temp", False),
        (["*/*/temp*"], "somedir/subdir/temporary.txt", True),
        (["temp?"], "tempa", True),
        (["temp?"], "temp/x", False),
        (["**/*.go"], "a/b/c.go", True),
        (["**/*.go"], "c.go", True),
        (["*.md", "!README*.md", "README-secret.md"], "README.md", False),
        (["*.md", "!README*.md", "README-secret.md"], "README-secret.md", True),
        (["*.md", "!README*.md", "README-secret.md"], "CHANGES.md", True),
        (["*.md", "README-secret.md", "!README*.md"], "README-secret.md", False),
        # A directory's pattern takes everything below it.
        (["tests"], "tests/feedback/test_views.py", True),
        (["tests"], "portal/tests.py", False),
        (["/tests/"], "tests/x.py", True),
        (["**/.venv"], "sub/.venv/bin/python", True),
        (["docs", "!docs/keep.md"], "docs/keep.md", False),
        (["docs", "!docs/keep.md"], "docs/other.md", True),
        # Case matters, as on Linux.
        ([".env"], ".ENV", False),
        (["**/*.py[co]"], "x/y.pyc", True),
        (["**/*.py[co]"], "x/y.py", False),
        (["file\\*"], "file*", True),
        (["file\\*"], "filex", False),
    ],
)
def test_the_matcher_follows_dockers_rules(patterns, path, excluded):
    assert DockerIgnore(read_patterns("\n".join(patterns))).excludes(path) is excluded


def test_patterns_are_read_as_buildkit_reads_them():
    text = "\ufeff# comment\n  /tests/  \n\n!  docs/./keep.md\n  # not a comment once indented\n"
    assert read_patterns(text) == ["tests", "!docs/keep.md", "# not a comment once indented"]

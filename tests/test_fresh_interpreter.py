"""The forked interpreter answers as ``python -c`` does (tests/fresh_interpreter.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fresh_interpreter import run_python

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "code",
    [
        "import sys; print(sys.argv, __name__, sys.path[0] == '')",
        "import os; print(sorted(k for k in os.environ if k.startswith('PORTAL_TEST_')))",
        "import os; print(os.environ['PORTAL_TEST_VALUE'], os.getcwd())",
        "raise ValueError('a mistake')",
        "import sys; sys.exit('a message naming the variable')",
        "import sys; sys.exit(3)",
        "import sys; print('before'); sys.stderr.write('to stderr'); sys.exit()",
        "import atexit; atexit.register(print, 'at exit')",
        "import settings_that_do_not_exist",
    ],
)
def test_a_forked_run_answers_as_a_fresh_interpreter(code):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PORTAL_TEST_")},
        "PORTAL_TEST_VALUE": "räksmörgås",
    }
    fresh = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    forked = run_python(code, env=env, cwd=ROOT)
    assert forked.returncode == fresh.returncode
    assert forked.stdout == fresh.stdout
    # Tracebacks name the same error; the forked one has the forking code's frames too.
    assert forked.stderr.splitlines()[-1:] == fresh.stderr.splitlines()[-1:]
    assert ("Traceback" in forked.stderr) == ("Traceback" in fresh.stderr)


def test_the_portal_is_imported_in_each_run_and_not_before():
    code = "import sys; print(sorted(m for m in sys.modules if m.split('.')[0] == 'portal'))"
    assert run_python(code, env=dict(os.environ), cwd=ROOT).stdout.strip() == "[]"

"""Run ``python -c CODE`` with an environment of its own, from a forked interpreter.

The settings tests start Django in a fresh interpreter for each environment
(tests/portal/test_settings.py). Starting one costs about a second, most of it
importing Django, Celery, redis and psycopg, none of which reads the settings or
the environment the tests set when imported. So each pytest worker keeps one
interpreter that has imported them and nothing of the portal, and forks it for
each run: the child takes the environment given (and only it), its own
stdout and stderr, ``sys.argv`` of ``-c``, a fresh ``__main__``, and runs the
code as ``python -c`` does, exit status, tracebacks and ``sys.exit`` included.
Everything the portal imports, its settings first, is imported in the child.

Where fork is missing (not on Linux), each run starts a fresh interpreter.
"""

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading

# Imported once by the forking interpreter; none of them reads the settings or the
# environment variables the tests set when imported.
PRELOAD = (
    "django.db.models",
    "django.forms",
    "django.http",
    "django.urls",
    "django.core.mail",
    "django.utils.log",
    "django.contrib.postgres.search",
    "celery.app",
    "celery.worker",
    "psycopg",
    "redis",
)

SERVER = """
import gc, importlib, json, os, sys
for name in {preload!r}:
    importlib.import_module(name)
# Out of the collector's sight: a child's collections would copy every page.
gc.freeze()
requests = sys.stdin
for line in requests:
    request = json.loads(line)
    sys.stdout.flush(); sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        break
    _, status = os.waitpid(pid, 0)
    print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)
else:
    sys.exit(0)
# The child: as ``python -c CODE`` with this environment and these outputs.
import atexit, threading
requests.close()
os.environ.clear()
os.environ.update(request["env"])
os.chdir(request["cwd"])
for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
    target = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.dup2(target, fd)
    os.close(target)
sys.argv = ["-c"]
main = type(sys)("__main__")
sys.modules["__main__"] = main
try:
    exec(compile(request["code"], "<string>", "exec"), main.__dict__)
except SystemExit as stop:
    # As the interpreter ends on SystemExit: a number is the status, anything else is printed.
    if stop.code is None or isinstance(stop.code, int):
        status = stop.code or 0
    else:
        print(stop.code, file=sys.stderr)
        status = 1
except BaseException:
    sys.excepthook(*sys.exc_info())
    status = 1
else:
    status = 0
# What the interpreter does on the way out, without collecting what the parent imported.
threading._shutdown()
atexit._run_exitfuncs()
sys.stdout.flush(); sys.stderr.flush()
os._exit(status)
"""


class ForkingInterpreter:
    """One interpreter, forked for each run (see the module's docstring)."""

    def __init__(self, cwd):
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER.format(preload=PRELOAD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=cwd,
            env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            text=True,
        )
        atexit.register(self.close)

    def run(self, code, env, cwd):
        with self.lock, tempfile.TemporaryDirectory() as folder:
            paths = {name: os.path.join(folder, name) for name in ("stdout", "stderr")}
            for path in paths.values():
                open(path, "w").close()
            request = {"code": code, "env": env, "cwd": str(cwd), **paths}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
            if not answer:
                raise RuntimeError(f"the forking interpreter stopped ({self.process.poll()})")
            outputs = {}
            for name, path in paths.items():
                with open(path, encoding="utf-8", errors="replace") as file:
                    outputs[name] = file.read()
        return subprocess.CompletedProcess(
            [sys.executable, "-c", code], json.loads(answer), outputs["stdout"], outputs["stderr"]
        )

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


_interpreter = None


def run_python(code, env, cwd):
    """``python -c code`` with exactly ``env``, as subprocess.run(..., text=True) returns it."""
    global _interpreter
    if not hasattr(os, "fork"):
        return subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True
        )
    if _interpreter is None or _interpreter.process.poll() is not None:
        _interpreter = ForkingInterpreter(cwd)
    return _interpreter.run(code, env, cwd)

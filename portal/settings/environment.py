"""Typed settings from the environment, and a clear error when one is wrong.

Every variable the settings read goes through one of the readers below
(django-environ does the casting). An empty variable counts as unset, as
compose.yaml's ``${NAME:-}`` passes it. A value that does not fit raises
:class:`SettingError`, a kind of ``ImproperlyConfigured`` whose message names
the variable, what it expects and what it got. Raised at start-up and not
caught, it is printed as that one message, without a traceback::

    The portal's settings could not be read from the environment (.env.example lists them):
    DJANGO_SESSION_IDLE_MINUTES must be a whole number of at least 1, not 'abc'.
"""

import os
import sys

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured

_env = environ.Env()
TRUE_WORDS = frozenset(environ.Env.BOOLEAN_TRUE_STRINGS)
FALSE_WORDS = frozenset({"false", "off", "no", "n", "0"})
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingError(ImproperlyConfigured):
    """A variable is missing or holds a value the portal cannot use."""


def _given(name):
    """The variable's value without surrounding space, or None when unset or empty."""
    return os.environ.get(name, "").strip() or None


def text(name, default=""):
    value = _given(name)
    return default if value is None else _env.str(name).strip()


def boolean(name, default):
    value = _given(name)
    if value is None:
        return default
    if value.lower() not in TRUE_WORDS | FALSE_WORDS:
        raise SettingError(f"{name} must be true or false (or yes/no, on/off, 1/0), not {value!r}.")
    return _env.bool(name)


def whole_number(name, default, minimum=0):
    value = _given(name)
    if value is None:
        return default
    try:
        number = _env.int(name)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise SettingError(f"{name} must be a whole number of at least {minimum}, not {value!r}.")
    return number


def byte_count(name, default):
    value = _given(name)
    if value is None:
        return default
    if not value.isdigit() or int(value) == 0:
        raise SettingError(f"{name} must be a positive number of bytes, not {value!r}.")
    return _env.int(name)


def comma_list(name, default=()):
    """Comma-separated values, each stripped of space; empty entries are dropped."""
    if _given(name) is None:
        return list(default)
    return [item.strip() for item in _env.list(name) if item.strip()]


def choice(name, default, choices):
    value = _given(name)
    if value is None:
        return default
    if value.upper() not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value.upper()


def web_address(name, default):
    """An absolute http(s) address without a trailing slash."""
    value = _given(name)
    if value is None:
        return default
    if not value.startswith(("http://", "https://")) or len(value.split("://", 1)[1]) == 0:
        raise SettingError(
            f"{name} must be an http:// or https:// address, e.g. https://bostad.goteborg.se, "
            f"not {value!r}."
        )
    return value.rstrip("/")


def database(name, default, **options):
    """A database address (dj-database-url's forms) as Django's DATABASES entry.

    The error leaves the address out: it may hold a password.
    """
    value = _given(name) or default
    try:
        return dj_database_url.parse(value, **options)
    except ValueError as error:
        raise SettingError(
            f"{name} must be a database address such as "
            f"postgres://user:password@host:5432/name or sqlite:///path ({error})"
        ) from None


def _print_setting_errors(kind, error, trace):
    """Print a SettingError that nothing caught as its message alone; others as usual."""
    if isinstance(error, SettingError):
        print(
            "The portal's settings could not be read from the environment "
            f"(.env.example lists them):\n{error}",
            file=sys.stderr,
        )
    else:
        _previous_excepthook(kind, error, trace)


_previous_excepthook = sys.excepthook
if not getattr(_previous_excepthook, "_portal_settings", False):
    _print_setting_errors._portal_settings = True
    sys.excepthook = _print_setting_errors

"""Test-only app: how the test database is emptied after a test that commits.

Listed first in INSTALLED_APPS by portal/settings/test.py, so that its ``flush``
command replaces Django's in the test suite (Django's documented way to override
a management command), and nowhere else.
"""

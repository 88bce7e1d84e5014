#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    # Read the settings before Django's command line does: it would set a bad
    # environment variable's error aside and run the command without it.
    settings.INSTALLED_APPS  # noqa: B018

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""The portal's settings, in the layout of cookiecutter-django.

- ``base.py``: what every environment shares (applications, middleware,
  languages, caches, Celery, logging), with typed values from the environment.
- ``production.py``: base plus what a deployment must set (secret key, host
  names, HTTPS). manage.py, portal/wsgi.py and portal/celery.py load it.
- ``test.py``: production plus the test suite's conveniences (pytest loads it).
- ``environment.py``: the typed readers of environment variables.

A new setting goes into ``base.py``, in the section of its concern, unless it
is about the deployed server's security (``production.py``) or only serves
the tests (``test.py``).
"""

import os

from portal.settings.environment import SettingError

if os.environ.get("DJANGO_SETTINGS_MODULE") == "portal.settings":
    raise SettingError(
        "DJANGO_SETTINGS_MODULE=portal.settings names the folder of the settings: "
        "use portal.settings.production (or leave it unset)."
    )

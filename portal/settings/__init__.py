"""The portal's settings, in the layout of cookiecutter-django, a module a concern.

- ``base.py``: the core every environment shares (applications, middleware,
  templates, database, languages, static files), with typed values from the
  environment.
- ``security.py``: response headers and Content-Security-Policy, request
  limits, the client's address, staff passwords, lockout, one-time passwords
  and session limits.
- ``caches.py``: Redis or local memory, the page cache's timeouts.
- ``tasks.py``: Celery, its periodic tasks and the stored PDFs.
- ``api.py``: the partner API (REST framework, OpenAPI schema, CORS).
- ``logging.py``: console logging without readers' answers or search words.
- ``production.py``: all of the above plus what a deployment must set (secret
  key, host names, HTTPS). manage.py, portal/wsgi.py and portal/celery.py load it.
- ``test.py``: production plus the test suite's conveniences (pytest loads it).
- ``environment.py``: the typed readers of environment variables.

A new setting goes into the module of its concern (``base.py`` if none fits),
unless it is about the deployed server's HTTPS and host names
(``production.py``) or only serves the tests (``test.py``). A new module is
imported in ``production.py``.
"""

import os

from portal.settings.environment import SettingError

if os.environ.get("DJANGO_SETTINGS_MODULE") == "portal.settings":
    raise SettingError(
        "DJANGO_SETTINGS_MODULE=portal.settings names the folder of the settings: "
        "use portal.settings.production (or leave it unset)."
    )

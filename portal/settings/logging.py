"""Logging: to the console, without readers' answers or search words."""

from portal.settings import environment as env

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {
        "unexpected_redis_errors": {"()": "portal.redis_connection.OnlyUnexpectedRedisErrors"}
    },
    "root": {
        "handlers": ["console"],
        "level": env.choice("DJANGO_LOG_LEVEL", "INFO", env.LOG_LEVELS),
    },
}
# WeasyPrint narrates every PDF at INFO and warns about screen-only CSS it skips.
LOGGING["loggers"] = {
    "weasyprint": {"level": "ERROR"},
    # django-redis's ignored errors, without the connection failures reported once.
    "django_redis.cache": {"filters": ["unexpected_redis_errors"]},
    "fontTools": {"level": "WARNING"},
}
# Logs without readers' answers or search words (issue 13, item 8).
# Every query string in Django's request logs, runserver's request lines
# included, is replaced by "?REDACTED" (portal/log_privacy.py); gunicorn's
# access log gets the same from portal/gunicorn.conf.py.
LOGGING.setdefault("filters", {})["redact_query_strings"] = {
    "()": "portal.log_privacy.RedactQueryStrings"
}
LOGGING["formatters"] = {
    "django.server": {
        "()": "django.utils.log.ServerFormatter",
        "format": "[{server_time}] {message}",
        "style": "{",
    }
}
LOGGING["handlers"]["console"]["filters"] = ["redact_query_strings"]
LOGGING["handlers"]["django.server"] = {
    "class": "logging.StreamHandler",
    "formatter": "django.server",
    "filters": ["redact_query_strings"],
}
LOGGING["loggers"]["django.server"] = {
    "handlers": ["django.server"],
    "level": "INFO",
    "propagate": False,
}
LOGGING["loggers"]["django.request"] = {"filters": ["redact_query_strings"]}

# Production image: gunicorn serving the portal, catalogues compiled and static
# files collected at build time, running as an unprivileged user.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gettext compiles the catalogues; the Noto fonts cover Arabic script and
# Ethiopic wherever the server renders text itself; Pango, HarfBuzz and
# fontconfig are what WeasyPrint needs to render PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext fonts-noto-core \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 portal
WORKDIR /app

COPY pyproject.toml README.md ./
RUN pip install .

COPY --chown=portal:portal . .

# Build-time steps need settings but no real secret or database.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    python manage.py compilemessages --ignore=.venv \
    && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    python manage.py collectstatic --no-input

USER 10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--no-control-socket"]

# Production image: gunicorn serving the portal, catalogues compiled and static
# files collected at build time, running as an unprivileged user.
#
# Two stages. The builder installs the Python packages into a virtual
# environment, compiles the catalogues and collects the static files; the
# final image receives only those results, plus the system libraries and fonts
# the portal needs at run time: no gettext, compiler, pip or cache of either.
# What the build context holds is decided by .dockerignore.

FROM python:3.11-slim-bookworm AS builder

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

# gettext's msgfmt compiles the catalogues, as on CI.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN python -m venv /opt/venv

# The runtime lock file: exact versions, every file checked against its hash
# (python3 dev.py lock updates it). Every dependency has a wheel for this
# platform: nothing is compiled. pip and setuptools leave the environment once
# it is filled.
COPY requirements/runtime.txt requirements/
RUN pip install --require-hashes --no-deps --only-binary :all: -r requirements/runtime.txt \
    && pip uninstall --yes pip setuptools

COPY . .

# Build-time steps need settings but no real secret or database.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    python manage.py compilemessages \
    && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    python manage.py collectstatic --no-input


FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    PORT=8000

# Pango, HarfBuzz and fontconfig are what WeasyPrint needs to render PDFs.
# Of fonts-noto-core (43 MB) dpkg unpacks only the families the pages name
# (about 4 MB): Noto Sans for Latin and Cyrillic (Swedish, English, Kurmanji,
# Somali, Ukrainian, Russian), Noto Naskh Arabic and Noto Sans Arabic (Arabic,
# Dari, Persian, Pashto, Sorani), Noto Sans Ethiopic (Tigrinya).
RUN printf '%s\n' \
        'path-exclude=/usr/share/fonts/truetype/noto/*' \
        'path-include=/usr/share/fonts/truetype/noto/NotoSans-*' \
        'path-include=/usr/share/fonts/truetype/noto/NotoSansArabic-*' \
        'path-include=/usr/share/fonts/truetype/noto/NotoNaskhArabic-*' \
        'path-include=/usr/share/fonts/truetype/noto/NotoSansEthiopic-*' \
        > /etc/dpkg/dpkg.cfg.d/portal-fonts \
    && apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-core \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 portal
WORKDIR /app

COPY --from=builder /opt/venv /opt/venv
COPY --from=builder --chown=portal:portal /app /app

USER 10001
# The port gunicorn listens on and the health check asks: set PORT to change it.
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "portal.healthcheck"]

# portal/gunicorn.conf.py: bind to PORT, WEB_CONCURRENCY workers (3), access
# log on standard output without query strings, no control socket.
CMD ["gunicorn", "--config", "portal/gunicorn.conf.py", "portal.wsgi:application"]

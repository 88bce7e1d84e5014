"""The worker renders PDFs off the request path: a real `celery -A portal worker`
on a real Redis broker and the PostgreSQL test database."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from tests.factories import make_page
from tests.servers import CeleryWorker, production_environment
from tests.sharing.conftest import needs_renderer, pdf_bytes, stored_pdfs

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), needs_renderer]

PREPARING_SV = "PDF-filen för den här sidan håller på att tas fram"
UNAVAILABLE_SV = "Det går inte att göra en PDF-fil av den här sidan"


def database_url():
    server = settings.DATABASES["default"]
    password = f":{server['PASSWORD']}" if server["PASSWORD"] else ""
    host = server["HOST"] or "127.0.0.1"
    return f"postgres://{server['USER']}{password}@{host}:{server['PORT'] or 5432}/{server['NAME']}"


@pytest.fixture
def start_worker(broker, media_root):
    """Start a worker with the portal's production settings, as compose does."""
    workers = []

    def start(**environment):
        env = production_environment(
            DATABASE_URL=database_url(),
            CELERY_BROKER_URL=_url(broker),
            DJANGO_MEDIA_ROOT=str(media_root),
            # The same address as the web side, so both render the same document.
            PORTAL_BASE_URL=settings.PORTAL_BASE_URL,
            **environment,
        )
        worker = CeleryWorker(env)
        workers.append(worker)
        worker.start()
        return worker

    yield start
    for worker in workers:
        worker.stop()


def _url(broker):
    kwargs = broker.connection_pool.connection_kwargs
    return f"redis://{kwargs['host']}:{kwargs['port']}/{kwargs['db']}"


def test_after_the_worker_rendered_it_the_pdf_is_served_as_a_file(
    client, broker, media_root, start_worker
):
    page = make_page(title_sv="Andrahandsuthyrning i Göteborg")
    waiting = client.get(f"/sv/{page.slug}/pdf/")
    assert waiting["Content-Type"].startswith("text/html")
    assert PREPARING_SV in waiting.content.decode()
    assert broker.llen("celery") == 1

    worker = start_worker()
    worker.wait_for(lambda: stored_pdfs(media_root))
    response = client.get(f"/sv/{page.slug}/pdf/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{page.slug}-sv.pdf"'
    assert response["ETag"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes(response))).pages)
    assert "Andrahandsuthyrning i Göteborg" in text
    assert broker.llen("celery") == 0


def test_a_render_over_the_time_budget_is_stopped_and_readers_keep_the_printable_view(
    client, settings, broker, media_root, start_worker
):
    # The web process gives each task its time budget.
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 1
    settings.CELERY_TASK_TIME_LIMIT = 10
    # About 60 KB of text takes WeasyPrint seconds; the worker may spend one.
    page = make_page(body_sv="<p>Hyresgästen betalar hyran i förskott varje månad.</p>" * 1200)
    assert PREPARING_SV in client.get(f"/sv/{page.slug}/pdf/").content.decode()
    worker = start_worker()
    failed_marks = f"portal:pdf:failed:{page.pk}:sv:page:*"
    worker.wait_for(lambda: list(broker.scan_iter(failed_marks)))
    assert "took too long" in worker.output()
    response = client.get(f"/sv/{page.slug}/pdf/")
    assert response["Content-Type"].startswith("text/html")
    assert UNAVAILABLE_SV in response.content.decode()
    assert stored_pdfs(media_root) == []
    assert broker.llen("celery") == 0

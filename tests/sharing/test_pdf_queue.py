"""A render is queued once per version, on a real Redis broker, whatever the readers do."""

import time

import pytest
from django.utils import translation

from sharing import pdf_queue
from sharing.printing import pdf_version
from tests.sharing.conftest import needs_renderer, stored_pdfs

pytestmark = [pytest.mark.django_db, needs_renderer]

PREPARING_AR = "يجري الآن إعداد ملف PDF لهذه الصفحة"
UNAVAILABLE_AR = "لا يمكن إنشاء ملف PDF لهذه الصفحة"


def queued(broker):
    return broker.llen("celery")


def test_requests_during_a_render_get_the_printable_view_and_queue_it_once(
    client, page, broker, renders, media_root
):
    for _ in range(5):
        response = client.get(f"/ar/{page.slug}/pdf/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        content = response.content.decode()
        assert PREPARING_AR in content
        assert page.title_ar in content
        assert "no-store" in response["Cache-Control"]
    assert queued(broker) == 1
    # The poster and another language are other files: one task each.
    client.get(f"/ar/{page.slug}/poster/pdf/")
    client.get(f"/sv/{page.slug}/pdf/")
    client.get(f"/sv/{page.slug}/pdf/")
    assert queued(broker) == 3
    assert renders == []
    assert stored_pdfs(media_root) == []


def test_a_lost_task_is_queued_again_once_its_lock_has_expired(client, page, broker, monkeypatch):
    monkeypatch.setattr(pdf_queue, "lock_seconds", lambda: 1)
    client.get(f"/ar/{page.slug}/pdf/")
    client.get(f"/ar/{page.slug}/pdf/")
    assert queued(broker) == 1
    time.sleep(1.2)
    client.get(f"/ar/{page.slug}/pdf/")
    assert queued(broker) == 2


def test_a_version_the_worker_gave_up_on_is_not_queued_again(client, page, broker):
    with translation.override("ar"):
        version = pdf_version(page, "page")
    pdf_queue.mark_failed(page.pk, "ar", "page", version)
    response = client.get(f"/ar/{page.slug}/pdf/")
    assert UNAVAILABLE_AR in response.content.decode()
    assert queued(broker) == 0


def test_with_the_broker_unreachable_readers_get_the_printable_view_at_once(
    client, page, broker, renders
):
    from portal.celery import app
    from tests.servers import free_port

    app.conf.broker_url = f"redis://127.0.0.1:{free_port()}/3"
    pdf_queue._client.cache_clear()
    started = time.monotonic()
    response = client.get(f"/ar/{page.slug}/pdf/")
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    assert PREPARING_AR in response.content.decode()
    assert renders == []

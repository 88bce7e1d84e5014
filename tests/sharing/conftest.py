import pytest

from sharing import pdf, tasks


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Rendered PDFs go to this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def renders(monkeypatch):
    """Every PDF the task renders, as (number of HTML bytes) in a list."""
    rendered = []

    def counting_render(html, base_url):
        rendered.append(len(html.encode()))
        return pdf.render_pdf(html, base_url)

    monkeypatch.setattr(tasks, "render_pdf", counting_render)
    return rendered


def stored_pdfs(media_root):
    return sorted(path.name for path in media_root.rglob("*.pdf"))


def pdf_bytes(response):
    return b"".join(response.streaming_content)


needs_renderer = pytest.mark.skipif(
    pdf.load_renderer() is None, reason="WeasyPrint or its system libraries are missing"
)


@pytest.fixture
def redis_server():
    """A redis-server of the test's own (skipped without one, except on CI)."""
    from tests.servers import RedisServer

    server = RedisServer()
    server.start()
    yield server
    server.stop()


def _reset_connections(app):
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_server):
    """The web side on a real Redis broker (DB 3), tasks queued instead of run at once."""
    import redis

    from portal.celery import app
    from sharing import pdf_queue

    url = redis_server.url(db=3)
    saved = (app.conf.broker_url, app.conf.task_always_eager)
    _reset_connections(app)
    app.conf.broker_url = url
    app.conf.task_always_eager = False
    pdf_queue._client.cache_clear()
    yield redis.Redis.from_url(url)
    app.conf.broker_url, app.conf.task_always_eager = saved
    _reset_connections(app)
    pdf_queue._client.cache_clear()

"""The front server: nginx from the repository's configuration before two gunicorn pools.

nginx runs deploy/nginx/portal.conf.template (its ``${PORTAL_...}`` names
filled in as the nginx image does); behind it a page pool and a PDF pool, each
a gunicorn with the production image's configuration (portal/gunicorn.conf.py:
access lines on standard output, which tell which pool answered), a Celery
worker, PostgreSQL and Redis. Readers' pages go to the page pool; PDF addresses
to the PDF pool, and a rendered PDF is sent as the stored file and then kept by
nginx; a query string never causes a render. Skipped without nginx, except on
CI (.ci/run installs nginx-light).
"""

import re
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from tests.servers import (
    CeleryWorker,
    Gunicorn,
    HttpClient,
    NginxFront,
    RedisServer,
    free_port,
    migrate_and_seed,
    production_environment,
)
from tests.sharing.conftest import needs_renderer

pytestmark = [pytest.mark.postgres, pytest.mark.multi_instance, needs_renderer]

PREPARING_SV = "PDF-filen för den här sidan håller på att tas fram"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
)

SEED = """
from housing_info.models import Page, Topic
topic = Topic.objects.create(slug="renting", title_sv="Hyra")
sublet = Page.objects.create(slug="sublet", topic=topic, published=True,
                             title_sv="Andrahandsuthyrning", summary_sv="Hyra i andra hand.",
                             body_sv="<p>Fråga din hyresvärd innan du hyr ut i andra hand.</p>")
deposit = Page.objects.create(slug="deposit", topic=topic, published=True,
                              title_sv="Deposition", summary_sv="Om depositioner.")
print(sublet.pk, deposit.pk)
"""


class Deployment:
    def __init__(self, env, media_root, broker, page_ids):
        self.env = env
        self.media_root = media_root
        self.broker = broker
        self.sublet_id, self.deposit_id = page_ids
        self.pages = Gunicorn(env)
        self.pdfs = Gunicorn(env)
        self.front = None
        self.worker = None

    def start(self):
        self.pages.start()
        self.pdfs.start()
        self.front = NginxFront(self.pages.port, self.pdfs.port)
        self.front.start()

    def stop(self):
        for server in (self.worker, self.front, self.pdfs, self.pages):
            if server is not None:
                server.stop()

    def start_worker(self):
        if self.worker is None:
            self.worker = CeleryWorker(self.env)
            self.worker.start()
        return self.worker

    def client(self):
        return self.front.client()

    def stored_pdfs(self, page_id):
        return sorted((self.media_root / "pdfs" / str(page_id)).rglob("*.pdf"))


def security_headers(response):
    """The security headers of a response; the policy's directives in any order
    (django-csp's order changes from process to process)."""
    found = {name: response.headers[name] for name in SECURITY_HEADERS}
    policy = found["Content-Security-Policy"] or ""
    found["Content-Security-Policy"] = {part.strip() for part in policy.split(";")}
    return found


def requests_seen(pool, path):
    """How many requests for exactly ``path`` (any query string) the pool's access log has."""
    pattern = rf'"GET {re.escape(path)}(?:\?\S*)? HTTP/1\.[01]"'
    return len(re.findall(pattern, pool.output()))


def settle(deployment):
    """Wait until both pools have logged every request answered so far.

    gunicorn writes an access line just after its answer. Each pool runs one
    worker, which logs in order: once a request sent now through the front
    server is in a pool's log, so is everything before it.
    """
    marker = uuid.uuid4().hex
    for pool, path in (
        (deployment.pages, f"/sv/no-such-page-{marker}/"),
        (deployment.pdfs, f"/sv/no-such-page-{marker}/pdf/"),
    ):
        assert deployment.client().get(path).status == 404
        deadline = time.monotonic() + 10
        while not requests_seen(pool, path):
            assert time.monotonic() < deadline, f"{path} never reached the pool's log"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def deployment(database_url):
    redis_server = RedisServer()
    redis_server.start()
    media_root = Path(tempfile.mkdtemp(prefix="portal-front-media-"))
    env = production_environment(
        DATABASE_URL=database_url,
        REDIS_URL=redis_server.url(db=0),
        CELERY_BROKER_URL=redis_server.url(db=1),
        DJANGO_MEDIA_ROOT=str(media_root),
        # nginx on the loopback interface is the proxy; the client's address is in the header.
        DJANGO_TRUSTED_PROXIES="127.0.0.1",
    )
    page_ids = map(int, migrate_and_seed(env, SEED).split()[-2:])
    broker = redis.Redis.from_url(redis_server.url(db=1))
    setup = Deployment(env, media_root, broker, page_ids)
    try:
        setup.start()
        yield setup
    finally:
        setup.stop()
        redis_server.stop()


def test_a_page_is_served_by_the_page_pool_through_the_front_server(deployment):
    response = deployment.client().get("/sv/sublet/")
    assert response.status == 200
    assert "Andrahandsuthyrning" in response.text
    assert response.headers["Content-Security-Policy"]
    settle(deployment)
    assert requests_seen(deployment.pages, "/sv/sublet/") == 1
    assert requests_seen(deployment.pdfs, "/sv/sublet/") == 0


def test_a_pdf_is_the_printable_view_while_rendered_then_the_stored_file(deployment):
    client = deployment.client()
    waiting = client.get("/sv/sublet/pdf/")
    assert waiting.status == 200
    assert waiting.headers["Content-Type"].startswith("text/html")
    assert PREPARING_SV in waiting.text
    # Not kept by the front server: the next reader asks the PDF pool again.
    assert client.get("/sv/sublet/pdf/").headers["Content-Type"].startswith("text/html")
    settle(deployment)
    assert requests_seen(deployment.pdfs, "/sv/sublet/pdf/") == 2
    assert requests_seen(deployment.pages, "/sv/sublet/pdf/") == 0

    worker = deployment.start_worker()
    worker.wait_for(lambda: deployment.stored_pdfs(deployment.sublet_id))
    [stored] = deployment.stored_pdfs(deployment.sublet_id)
    response = client.get("/sv/sublet/pdf/")
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.body == stored.read_bytes()
    assert response.headers["ETag"]
    assert response.headers["Content-Security-Policy"]
    settle(deployment)
    assert requests_seen(deployment.pdfs, "/sv/sublet/pdf/") == 3

    # Kept by nginx now: the same file without asking the pool, and a revalidation answered.
    again = client.get("/sv/sublet/pdf/", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status == 304
    assert client.get("/sv/sublet/pdf/").body == stored.read_bytes()
    settle(deployment)
    assert requests_seen(deployment.pdfs, "/sv/sublet/pdf/") == 3
    assert 'GET /sv/sublet/pdf/ HTTP/1.1" 200' in deployment.front.access_log()


def test_query_strings_on_a_pdf_address_are_redirected_and_never_render(deployment):
    client = deployment.client()
    for query in ("utm_source=sms", "utm_source=mail", "n=3"):
        response = client.get(f"/sv/deposit/pdf/?{query}")
        assert response.status == 301
        assert response.headers["Location"] == "/sv/deposit/pdf/"
    # One redirect from the PDF pool, kept by nginx for every other query string.
    settle(deployment)
    assert requests_seen(deployment.pdfs, "/sv/deposit/pdf/") == 1
    assert requests_seen(deployment.pages, "/sv/deposit/pdf/") == 0
    # Nothing queued or rendered for that page.
    assert not list(deployment.broker.scan_iter(f"portal:pdf:lock:{deployment.deposit_id}:*"))
    assert deployment.stored_pdfs(deployment.deposit_id) == []
    # No query string reaches the front server's log.
    log = deployment.front.access_log()
    assert "/sv/deposit/pdf/?REDACTED" in log
    assert "utm_source" not in log


def test_what_nginx_answers_itself_has_the_portals_security_headers(deployment):
    client = deployment.client()
    page = client.get("/sv/sublet/")
    # A body over the front server's limit is refused before it reaches a pool.
    refused = client.request("POST", "/sv/sublet/", headers={"Content-Length": "4000000"})
    assert refused.status == 413
    assert security_headers(refused) == security_headers(page)
    assert "frame-ancestors 'none'" in security_headers(page)["Content-Security-Policy"]


def test_a_pool_that_is_down_gives_a_503_with_the_security_headers(deployment):
    # A second front server, before a PDF pool that nobody listens on.
    front = NginxFront(deployment.pages.port, free_port())
    front.start()
    try:
        client = HttpClient(front.port)
        page = client.get("/sv/sublet/")
        down = client.get("/sv/sublet/poster/pdf/")
        assert page.status == 200
        assert down.status == 503
        assert security_headers(down) == security_headers(page)
    finally:
        front.stop()


def test_a_flood_of_pdf_requests_waits_in_one_queue_and_pages_are_not_limited(deployment):
    # A front server of its own, so that its queue is this test's alone.
    front = NginxFront(deployment.pages.port, deployment.pdfs.port)
    front.start()
    try:
        client = HttpClient(front.port)
        page = client.get("/sv/sublet/")
        # More PDF requests at once than the queue holds (200 waiting, 100 a second).
        with ThreadPoolExecutor(max_workers=320) as pool:
            answers = list(pool.map(lambda n: client.get(f"/sv/deposit/pdf/?n={n}"), range(320)))
            # While the queue is full, pages are answered at once.
            during = client.get("/sv/sublet/")
        refused = [answer for answer in answers if answer.status == 429]
        assert refused, "no request was refused: the PDF addresses are not limited"
        assert {answer.status for answer in answers} <= {301, 429}
        assert len(answers) - len(refused) >= 200
        assert refused[0].headers["Retry-After"] == "1"
        assert security_headers(refused[0]) == security_headers(page)
        assert during.status == 200
        assert "Andrahandsuthyrning" in during.text
    finally:
        front.stop()

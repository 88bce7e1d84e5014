"""Two app instances behind one database and one Redis, as in production.

Each instance is a gunicorn with production settings (two-factor admin login,
HTTPS said by the load balancer's header; B runs two workers). A caseworker
publishes and edits a page, and adds a glossary word, through instance A's
admin; a visitor on instance B sees it at once, in the page, its share block
(a template fragment) and its glossary links, even though B had them in its
caches. A staff login empties no cache; after a change, readers arriving at
once on both instances make the page be rendered once. Staff sessions work on both.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import Gunicorn, RedisServer, manage, migrate_and_seed, production_environment

pytestmark = [pytest.mark.postgres, pytest.mark.multi_instance]

PASSWORD = "a long caseworker passphrase"
BACKUP_CODES = ["first1", "second2", "third3", "fourth4", "fifth5"]

SEED = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice
from housing_info.models import Page, Topic
user = get_user_model().objects.create_superuser("caseworker", "", {PASSWORD!r})
device = StaticDevice.objects.create(user=user, name="backup codes")
for code in {BACKUP_CODES!r}:
    device.token_set.create(token=code)
topic = Topic.objects.create(slug="renting", title_sv="Hyra", title_ar="الإيجار")
Page.objects.create(slug="sublet", topic=topic, published=True, title_sv="Andrahand",
                    summary_sv="Hyra i andra hand.",
                    body_sv="<p>Fråga din hyresvärd innan du hyr ut i andra hand.</p>")
print(topic.pk)
"""


@pytest.fixture(scope="module")
def instances(database_url):
    redis = RedisServer()
    redis.start()
    env = production_environment(DATABASE_URL=database_url, REDIS_URL=redis.url(db=7))
    topic_id = migrate_and_seed(env, SEED).strip().splitlines()[-1]
    apps = [Gunicorn(env), Gunicorn(env, workers=2)]
    try:
        for app in apps:
            app.start()
        yield apps[0], apps[1], topic_id
    finally:
        for app in apps:
            app.stop()
        redis.stop()


def page_form(topic_id, title):
    return {
        "title_sv": title,
        "summary_sv": "Så söker du en bostad med förstahandskontrakt.",
        "body_sv": "<p>Registrera dig hos Boplats.</p>",
        "slug": "first-hand-contract",
        "topic": topic_id,
        "kind": "guidance",
        "order": "1",
        "published": "on",
    }


def post_admin_form(client, path, data):
    form = client.get(path)
    assert form.status == 200, form.text[:500]
    response = client.post(path, {**data, "csrfmiddlewaretoken": client.csrf_token(form.text)})
    assert response.status == 302, response.text[:3000]


def test_page_published_on_one_instance_is_visible_on_the_other_at_once(instances):
    a, b, topic_id = instances
    visitor = b.client()
    visitor.get("/sv/")
    assert visitor.get("/sv/").headers["X-Page-Cache"] == "hit"
    assert visitor.get("/sv/first-hand-contract/").status == 404

    caseworker = a.client()
    assert caseworker.admin_login("caseworker", PASSWORD, BACKUP_CODES[0]).status == 302
    post_admin_form(
        caseworker, "/admin/housing_info/page/add/", page_form(topic_id, "Förstahandskontrakt")
    )

    home = visitor.get("/sv/")
    assert "Förstahandskontrakt" in home.text
    page = visitor.get("/sv/first-hand-contract/")
    assert page.status == 200 and "Förstahandskontrakt" in page.text
    assert visitor.get("/sv/first-hand-contract/").headers["X-Page-Cache"] == "hit"

    # An edit through A's admin replaces the copy B just cached.
    listing = caseworker.get("/admin/housing_info/page/?q=first-hand")
    page_id = re.search(r"/admin/housing_info/page/(\d+)/change/", listing.text).group(1)
    post_admin_form(
        caseworker,
        f"/admin/housing_info/page/{page_id}/change/",
        # A published page's Swedish text changed: the form asks whether the meaning did.
        {**page_form(topic_id, "Förstahandskontrakt – så gör du"), "swedish_change": "meaning"},
    )
    assert "Förstahandskontrakt – så gör du" in visitor.get("/sv/first-hand-contract/").text


def test_staff_login_works_on_both_instances(instances):
    a, b, _topic_id = instances
    on_a = a.client()
    assert on_a.admin_login("caseworker", PASSWORD, BACKUP_CODES[1]).status == 302
    # The session lives in the shared database: A's login is valid on B.
    on_b = b.client()
    on_b.cookies = dict(on_a.cookies)
    admin_on_b = on_b.get("/admin/")
    assert admin_on_b.status == 200
    assert "no-store" in admin_on_b.headers["Cache-Control"]

    direct = b.client()
    assert direct.admin_login("caseworker", PASSWORD, BACKUP_CODES[2]).status == 302
    assert direct.get("/admin/").status == 200


def test_admin_login_without_a_one_time_password_is_refused(instances):
    a, _b, _topic_id = instances
    client = a.client()
    response = client.admin_login("caseworker", PASSWORD, otp_token="")
    assert response.status == 200
    assert client.get("/admin/").status == 302


def test_a_staff_login_leaves_the_page_cache_alone(instances):
    a, b, _topic_id = instances
    visitor = b.client()
    visitor.get("/sv/sublet/")
    assert visitor.get("/sv/sublet/").headers["X-Page-Cache"] == "hit"
    assert a.client().admin_login("caseworker", PASSWORD, BACKUP_CODES[3]).status == 302
    assert visitor.get("/sv/sublet/").headers["X-Page-Cache"] == "hit"


def term_form(word, slug):
    return {
        "term": word,
        "other_forms": "",
        "slug": slug,
        "explanation_sv": "Att hyra ut sin bostad till någon annan.",
    }


def test_a_change_on_one_instance_reaches_the_others_fragments_and_glossary_links(instances):
    a, b, _topic_id = instances
    visitor = b.client()
    before = visitor.get("/sv/sublet/")
    visitor.get("/sv/sublet/")
    assert "#andrahand" not in before.text

    caseworker = a.client()
    assert caseworker.admin_login("caseworker", PASSWORD, BACKUP_CODES[4]).status == 302
    post_admin_form(caseworker, "/admin/glossary/term/add/", term_form("andra hand", "andrahand"))

    # Every worker of B, not only the one that served the page before.
    for _ in range(4):
        page = visitor.get("/sv/sublet/")
        assert 'href="/sv/glossary/#andrahand" lang="sv">andra hand</a>' in page.text

    listing = caseworker.get("/admin/housing_info/page/?q=sublet")
    page_id = re.search(r"/admin/housing_info/page/(\d+)/change/", listing.text).group(1)
    edited = {
        **page_form(_topic_id, "Hyra ut i andra hand"),
        "slug": "sublet",
        "swedish_change": "meaning",
        "body_sv": "<p>Fråga din hyresvärd innan du hyr ut i andra hand.</p>",
    }
    post_admin_form(caseworker, f"/admin/housing_info/page/{page_id}/change/", edited)
    for _ in range(4):
        share = visitor.get("/sv/sublet/").text.split('<section class="share"')[1]
        assert "text=Hyra%20ut%20i%20andra%20hand" in share


def test_readers_arriving_at_once_after_a_change_render_the_page_once(instances):
    a, b, _topic_id = instances
    manage(a.env, "invalidate_page_cache")
    clients = [a.client(), b.client(), b.client(), a.client(), b.client(), b.client()]
    barrier = threading.Barrier(len(clients))

    def visit(client):
        barrier.wait()
        return client.get("/sv/")

    with ThreadPoolExecutor(len(clients)) as pool:
        responses = list(pool.map(visit, clients))
    assert [response.status for response in responses] == [200] * len(clients)
    statuses = sorted(response.headers.get("X-Page-Cache") for response in responses)
    assert statuses == ["hit"] * (len(clients) - 1) + ["miss"]

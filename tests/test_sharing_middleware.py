import pytest

from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


def renamed_page(*slugs):
    page = make_page(slug=slugs[0])
    for slug in slugs[1:]:
        page.slug = slug
        page.save()
    return page


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_old_language_address_redirects_permanently_to_the_new_one(client, code):
    renamed_page("bostadsko", "boplats-queue")
    response = client.get(f"/{code}/bostadsko/")
    assert response.status_code == 301
    assert response["Location"] == f"/{code}/boplats-queue/"


def test_every_address_of_a_chain_of_renames_reaches_the_current_page(client):
    page = renamed_page("one", "two", "three")
    for old in ("one", "two"):
        response = client.get(f"/en/{old}/", follow=True)
        assert response.redirect_chain == [(f"/en/{page.slug}/", 301)]
        assert response.status_code == 200
        assert page.title_en in response.content.decode()


def test_old_print_and_poster_addresses_redirect_too(client):
    renamed_page("old-name", "new-name")
    assert client.get("/ar/old-name/print/")["Location"] == "/ar/new-name/print/"
    assert client.get("/ar/old-name/poster/")["Location"] == "/ar/new-name/poster/"


def test_old_topic_address_redirects_to_the_renamed_topic(client):
    topic = make_topic(slug="boende")
    make_page(topic=topic)
    topic.slug = "housing"
    topic.save()
    response = client.get("/so/topics/boende/")
    assert response.status_code == 301
    assert response["Location"] == "/so/topics/housing/"


def test_a_live_page_wins_over_an_old_slug(client):
    renamed_page("contested", "moved-away")
    newcomer = make_page(slug="contested")
    response = client.get("/en/contested/")
    assert response.status_code == 200
    assert newcomer.title_en in response.content.decode()


def test_unknown_slug_stays_a_404(client):
    assert client.get("/en/never-existed/").status_code == 404

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


# Old addresses of drafts: a visitor must not learn the new slug of a page or
# topic they cannot see; staff, who preview drafts, are still redirected.
PAGE_ADDRESSES = ["/{code}/{slug}/", "/{code}/{slug}/print/", "/{code}/{slug}/pdf/"]
PAGE_ADDRESSES += ["/{code}/{slug}/poster/", "/{code}/{slug}/poster/pdf/"]
TOPIC_ADDRESSES = ["/{code}/topics/{slug}/", "/{code}/topics/{slug}/embed/"]


def renamed_draft(*slugs):
    page = renamed_page(*slugs)
    page.published = False
    page.save()
    return page


@pytest.mark.parametrize("address", PAGE_ADDRESSES)
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_an_old_address_of_an_unpublished_page_is_a_404_for_visitors(client, address, code):
    renamed_draft("draft-name", "secret-new-name")
    response = client.get(address.format(code=code, slug="draft-name"))
    assert response.status_code == 404
    assert "secret-new-name" not in response.content.decode()
    assert "Location" not in response


@pytest.mark.parametrize("address", PAGE_ADDRESSES)
def test_staff_are_still_redirected_from_an_old_address_of_a_draft(staff_client, address):
    renamed_draft("draft-name", "new-name")
    response = staff_client.get(address.format(code="en", slug="draft-name"))
    assert response.status_code == 301
    assert response["Location"] == address.format(code="en", slug="new-name")


@pytest.mark.parametrize("address", PAGE_ADDRESSES)
def test_an_old_address_redirects_visitors_again_once_the_page_is_published(client, address):
    page = renamed_draft("draft-name", "new-name")
    page.published = True
    page.save()
    response = client.get(address.format(code="en", slug="draft-name"))
    assert response.status_code == 301
    assert response["Location"] == address.format(code="en", slug="new-name")


def test_the_permalink_of_an_old_draft_slug_is_a_404_too(client):
    renamed_draft("draft-name", "secret-new-name")
    response = client.get("/p/draft-name/")
    assert response.status_code == 404
    assert "Location" not in response


def renamed_topic(old, new, published_pages):
    topic = make_topic(slug=old)
    make_page(topic=topic, published=published_pages)
    topic.slug = new
    topic.save()
    return topic


@pytest.mark.parametrize("address", TOPIC_ADDRESSES)
def test_an_old_address_of_a_topic_without_published_pages_is_a_404_for_visitors(client, address):
    renamed_topic("draft-topic", "secret-topic", published_pages=False)
    response = client.get(address.format(code="ar", slug="draft-topic"))
    assert response.status_code == 404
    assert "Location" not in response
    assert "secret-topic" not in response.content.decode()


@pytest.mark.parametrize("address", TOPIC_ADDRESSES)
def test_staff_are_redirected_from_an_old_address_of_a_topic_without_published_pages(
    staff_client, address
):
    renamed_topic("draft-topic", "new-topic", published_pages=False)
    response = staff_client.get(address.format(code="ar", slug="draft-topic"))
    assert response.status_code == 301
    assert response["Location"] == address.format(code="ar", slug="new-topic")


@pytest.mark.parametrize("address", TOPIC_ADDRESSES)
def test_an_old_address_of_a_topic_with_a_published_page_redirects_visitors(client, address):
    renamed_topic("old-topic", "new-topic", published_pages=True)
    response = client.get(address.format(code="ar", slug="old-topic"))
    assert response.status_code == 301
    assert response["Location"] == address.format(code="ar", slug="new-topic")


def test_the_permalink_of_an_old_topic_slug_without_published_pages_is_a_404(client):
    renamed_topic("draft-topic", "secret-topic", published_pages=False)
    response = client.get("/t/draft-topic/")
    assert response.status_code == 404
    assert "Location" not in response
    assert "secret-topic" not in response.content.decode()


def test_staff_follow_the_permalink_of_an_old_topic_slug_of_a_draft_topic(staff_client):
    renamed_topic("draft-topic", "new-topic", published_pages=False)
    response = staff_client.get("/t/draft-topic/")
    assert response.status_code == 301
    assert response["Location"] == "/t/new-topic/"


def test_the_permalink_of_an_old_topic_slug_with_a_published_page_redirects(client):
    renamed_topic("old-topic", "new-topic", published_pages=True)
    response = client.get("/t/old-topic/")
    assert response.status_code == 301
    assert response["Location"] == "/t/new-topic/"

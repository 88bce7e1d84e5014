import pytest
from django.utils import translation

from feedback.models import PageFeedback
from tests.factories import make_page

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def send(client, page, code="ar", **data):
    return client.post(f"/{code}/feedback/{page.slug}/", data, **SAME_ORIGIN)


def test_every_page_asks_whether_it_was_useful_without_a_csrf_token(client, page):
    content = client.get(f"/ar/{page.slug}/").content.decode()
    assert f'action="/ar/feedback/{page.slug}/"' in content
    assert 'name="useful" value="yes"' in content and 'name="useful" value="no"' in content
    assert "csrfmiddlewaretoken" not in content
    with translation.override("ar"):
        notice = translation.gettext(
            "Do not write personal details such as your name, phone number, address or "
            "personal identity number. What you send may become a public document."
        )
    assert notice in content


def test_an_answer_is_stored_with_page_and_language_then_thanks(client, page):
    response = send(client, page, useful="no", comment="لم أفهم مدة العقد.")
    assert response.status_code == 303
    assert response["Location"] == f"/ar/feedback/{page.slug}/thanks/"
    feedback = PageFeedback.objects.get()
    assert (feedback.page, feedback.language, feedback.useful) == (page, "ar", False)
    assert feedback.comment == "لم أفهم مدة العقد."
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert not thanks.cookies
    assert page.title_ar in thanks.content.decode()


def test_a_yes_without_comment_is_enough(client, page):
    send(client, page, code="ti", useful="yes")
    feedback = PageFeedback.objects.get()
    assert (feedback.language, feedback.useful, feedback.comment) == ("ti", True, "")


def test_nothing_identifying_is_stored_and_no_cookie_is_set(client, page):
    response = client.post(
        f"/ar/feedback/{page.slug}/",
        {"useful": "yes", "comment": "مفيد"},
        REMOTE_ADDR="198.51.100.23",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 10) Firefox/120",
        **SAME_ORIGIN,
    )
    assert not response.cookies
    assert not client.get(f"/ar/{page.slug}/").cookies
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "language", "useful", "comment", "day"}
    stored = str(PageFeedback.objects.values().get())
    assert "198.51.100" not in stored and "Android" not in stored


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/form.html"},
        # A malformed address is refused too, not answered with a server error.
        {"HTTP_REFERER": "http://["},
        {},
    ],
)
def test_forms_from_other_sites_are_refused_in_the_readers_language(client, page, headers):
    response = client.post(f"/ar/feedback/{page.slug}/", {"useful": "yes"}, **headers)
    assert response.status_code == 403
    assert 'lang="ar" dir="rtl"' in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_same_site_referer_is_enough_without_origin(client, page):
    response = client.post(
        f"/ar/feedback/{page.slug}/",
        {"useful": "yes"},
        HTTP_REFERER=f"http://testserver/ar/{page.slug}/",
    )
    assert response.status_code == 303


def test_missing_answer_is_explained_in_the_readers_language(client, page):
    response = send(client, page, comment="بدون جواب")
    assert response.status_code == 400
    with translation.override("ar"):
        message = translation.gettext("Choose Yes or No.")
    content = response.content.decode()
    assert message in content
    assert "بدون جواب" in content  # the comment is kept for the second try
    assert not PageFeedback.objects.exists()


def test_too_long_comment_is_explained_not_stored(client, page):
    response = send(client, page, useful="no", comment="ا" * 501)
    assert response.status_code == 400
    assert 'id="feedback-comment-error"' in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_unpublished_or_unknown_pages_take_no_feedback(client):
    draft = make_page(published=False)
    assert send(client, draft, useful="yes").status_code == 404
    assert client.post("/ar/feedback/no-such-page/", {"useful": "yes"}).status_code == 404
    assert not PageFeedback.objects.exists()


def test_opening_the_form_address_leads_back_to_the_page(client, page):
    response = client.get(f"/ar/feedback/{page.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/{page.slug}/#feedback"

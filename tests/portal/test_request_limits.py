"""Request limits (portal/request_limits.py): bodies and characters, refused early."""

import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from feedback.models import PageFeedback
from portal.request_limits import read_at_most
from tests.factories import make_page

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
HUGE = 200 * 1024 * 1024
BOUNDARY = "limit-test-boundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


class SpyStream:
    """A request body of ``size`` bytes made on demand, counting what is read of it."""

    def __init__(self, size, fill=b"x"):
        self.size = size
        self.fill = fill
        self.bytes_read = 0

    def read(self, size=-1):
        left = self.size - self.bytes_read
        size = left if size is None or size < 0 else min(size, left)
        self.bytes_read += size
        return self.fill * size

    def readline(self, size=-1):
        return self.read(size)


@pytest.fixture
def empty_temp_dir(settings, tmp_path):
    """Where Django writes uploads it does not keep in memory: it must stay empty."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return tmp_path


@pytest.fixture
def feedback_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def send_spy(client, path, stream, content_type=MULTIPART, length=True, **extra):
    """POST a body read from ``stream``, with or without a Content-Length."""
    environ = {"wsgi.input": stream, "CONTENT_TYPE": content_type, **extra}
    if length:
        environ["CONTENT_LENGTH"] = str(stream.size)
    else:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    return client.generic("POST", path, **environ)


def multipart(fields):
    lines = []
    for name, value in fields.items():
        lines += [f"--{BOUNDARY}", f'Content-Disposition: form-data; name="{name}"', "", value]
    return ("\r\n".join([*lines, f"--{BOUNDARY}--", ""])).encode()


@pytest.mark.parametrize(
    "path",
    ["/sv/feedback/{slug}/", "/ar/feedback/{slug}/", "/admin/login/", "/sv/search/", "/p/{slug}/"],
)
def test_a_huge_declared_body_is_refused_unread_and_nothing_reaches_disk(
    client, page, empty_temp_dir, path
):
    stream = SpyStream(HUGE)
    response = send_spy(client, path.format(slug=page.slug), stream, **SAME_ORIGIN)
    assert response.status_code == 413
    assert stream.bytes_read == 0
    assert list(empty_temp_dir.iterdir()) == []
    assert not PageFeedback.objects.exists()


def test_a_chunked_body_is_read_only_up_to_the_limit_then_refused(
    client, page, empty_temp_dir, settings
):
    stream = SpyStream(HUGE)
    response = send_spy(client, f"/sv/feedback/{page.slug}/", stream, length=False, **SAME_ORIGIN)
    assert response.status_code == 413
    assert stream.bytes_read == settings.PUBLIC_BODY_MAX_BYTES + 1
    assert list(empty_temp_dir.iterdir()) == []


def test_a_chunked_body_within_the_limit_reaches_the_form(client, page, feedback_cache):
    body = multipart({"useful": "no", "comment": "Jag förstod inte kön."})
    stream = io.BytesIO(body)
    stream.size = len(body)
    response = send_spy(client, f"/sv/feedback/{page.slug}/", stream, length=False, **SAME_ORIGIN)
    assert response.status_code == 303
    assert PageFeedback.objects.get().comment == "Jag förstod inte kön."


def test_a_feedback_answer_within_the_limit_is_stored(client, page, feedback_cache, settings):
    # The longest comment the form takes, in a script of three bytes a letter.
    comment = "ሰ" * 500
    response = client.post(
        f"/ti/feedback/{page.slug}/", {"useful": "yes", "comment": comment}, **SAME_ORIGIN
    )
    assert response.status_code == 303
    assert PageFeedback.objects.get().comment == comment


def test_a_body_one_byte_over_the_public_limit_is_refused(client, page, settings):
    body = b"useful=yes&comment=" + b"a" * settings.PUBLIC_BODY_MAX_BYTES
    response = client.post(
        f"/sv/feedback/{page.slug}/",
        body[: settings.PUBLIC_BODY_MAX_BYTES + 1],
        content_type="application/x-www-form-urlencoded",
        **SAME_ORIGIN,
    )
    assert response.status_code == 413


def test_the_refusal_is_a_page_in_the_readers_language(client, page):
    response = send_spy(client, f"/ar/feedback/{page.slug}/", SpyStream(HUGE))
    content = response.content.decode()
    assert 'lang="ar" dir="rtl"' in content
    with translation.override("ar"):
        assert translation.gettext("What you sent is too large") in content
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_the_refusal_is_json_on_the_api(client):
    response = send_spy(client, "/api/v1/pages/", SpyStream(HUGE), HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    with translation.override("uk"):
        expected = translation.gettext(
            "What you sent is larger than this service accepts. Shorten it and try again."
        )
    assert response.json() == {"detail": expected}


@pytest.mark.parametrize("length", ["abc", "-1", "1e9"])
def test_a_nonsensical_content_length_is_a_bad_request(client, page, length):
    response = client.generic("POST", f"/sv/feedback/{page.slug}/", CONTENT_LENGTH=length)
    assert response.status_code == 400


def test_a_logged_in_caseworker_may_send_a_larger_admin_form(staff_client, settings):
    settings.ADMIN_BODY_MAX_BYTES = 64 * 1024
    url = reverse("admin:housing_info_topic_add")
    big = {"slug": "x", "title_sv": "a" * 32 * 1024}
    assert staff_client.post(url, big).status_code == 200  # the form, with its errors
    big["title_sv"] = "a" * 65 * 1024
    assert staff_client.post(url, big).status_code == 413


def test_without_a_session_the_admin_takes_only_a_public_sized_body(client, settings):
    settings.ADMIN_BODY_MAX_BYTES = 64 * 1024
    url = reverse("admin:housing_info_topic_add")
    response = client.post(url, {"title_sv": "a" * 32 * 1024})
    assert response.status_code == 413


def test_the_login_form_takes_only_a_public_sized_body_even_with_a_session_cookie(client, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up"
    response = client.post(reverse("admin:login"), {"password": "a" * 32 * 1024})
    assert response.status_code == 413


def test_the_xliff_import_takes_its_own_limit(staff_client, settings, empty_temp_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.TRANSLATION_IMPORT_MAX_BYTES = 100 * 1024
    url = reverse("admin:translation_workflow_import")
    fits = SimpleUploadedFile("ar.xlf", b"x" * 100 * 1024)
    # Past the middleware: the import itself says what is wrong with the file.
    assert staff_client.post(url, {"language": "ar", "file": fits}).status_code == 400
    too_big = SimpleUploadedFile("ar.xlf", b"x" * 200 * 1024)
    assert staff_client.post(url, {"language": "ar", "file": too_big}).status_code == 413
    assert list(empty_temp_dir.iterdir()) == []


def test_django_keeps_every_body_the_middleware_accepts_in_memory(settings):
    largest = max(
        settings.PUBLIC_BODY_MAX_BYTES,
        settings.ADMIN_BODY_MAX_BYTES,
        settings.TRANSLATION_IMPORT_MAX_BYTES + settings.TRANSLATION_IMPORT_FORM_ALLOWANCE,
    )
    django_limits = (settings.FILE_UPLOAD_MAX_MEMORY_SIZE, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    assert django_limits == (largest, largest)


@pytest.mark.parametrize(
    ("size", "limit", "expected"), [(0, 5, b""), (5, 5, b"xxxxx"), (6, 5, None)]
)
def test_read_at_most_reads_no_more_than_one_byte_past_the_limit(size, limit, expected):
    stream = SpyStream(size)
    assert read_at_most(stream, limit) == expected
    assert stream.bytes_read <= limit + 1


# Control characters: never a server error, never a database query.


@pytest.mark.parametrize("character", ["%00", "%01", "%1F", "%7F", "%0A", "%09"])
@pytest.mark.parametrize(
    "template",
    [
        "/api/v1/pages/{x}/",
        "/api/v1/topics/{x}/",
        "/api/v1/contact-points/{x}/",
        "/api/v1/pages/a{x}b/",
    ],
)
def test_control_characters_in_an_api_path_are_a_json_404(client, template, character):
    response = client.get(template.format(x=character), HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 404
    with translation.override("ar"):
        expected = translation.gettext("There is no such address in the API.")
    assert response.json() == {"detail": expected}


@pytest.mark.parametrize("path", ["/ar/{x}/", "/ar/topics/{x}/", "/ar/a{x}/print/", "/p/{x}/"])
def test_control_characters_in_a_path_are_a_404_in_the_readers_language(client, path):
    response = client.get(path.format(x="%00"), HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'lang="ar" dir="rtl"' in content
    with translation.override("ar"):
        assert translation.gettext("Page not found") in content


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "\x1b[31m", "\x7f", "\x08"])
@pytest.mark.parametrize(
    "path", ["/so/search/", "/so/what-applies-to-me/", "/so/contacts/", "/so/glossary/"]
)
def test_control_characters_in_a_query_are_a_400_in_the_readers_language(client, path, value):
    response = client.get(path, {"q": value, "topic": value})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'lang="so"' in content
    with translation.override("so"):
        assert translation.gettext("We could not read this request") in content


@pytest.mark.parametrize("path", ["/api/v1/pages/", "/api/v1/topics/", "/api/v1/contact-points/"])
def test_control_characters_in_an_api_query_are_a_json_400(client, path):
    response = client.get(path, {"language": "\x00", "topic": "a\x00"})
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


def test_a_control_character_in_a_query_parameter_name_is_refused(client):
    assert client.get("/sv/search/?a%00b=1").status_code == 400


def test_tabs_and_line_breaks_in_a_query_are_text(client):
    assert client.get("/sv/search/", {"q": "bostad\tkö\r\nlägenhet"}).status_code == 200


@pytest.mark.parametrize("comment", ["\x00", "Hej\x00", "\x1b"])
@pytest.mark.parametrize("encoded", [True, False])
def test_control_characters_in_a_form_field_are_a_400(client, page, comment, encoded):
    data = {"useful": "yes", "comment": comment}
    if encoded:
        from urllib.parse import urlencode

        response = client.post(
            f"/sv/feedback/{page.slug}/",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
            **SAME_ORIGIN,
        )
    else:
        response = client.post(f"/sv/feedback/{page.slug}/", data, **SAME_ORIGIN)
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_line_breaks_in_a_comment_are_kept(client, page, feedback_cache):
    response = client.post(
        f"/sv/feedback/{page.slug}/",
        {"useful": "no", "comment": "Rad 1\r\nRad 2\t."},
        **SAME_ORIGIN,
    )
    assert response.status_code == 303
    assert PageFeedback.objects.get().comment == "Rad 1\r\nRad 2\t."


def test_a_control_character_in_the_admin_autocomplete_is_a_400(staff_client):
    make_page()
    query = {
        "app_label": "housing_info",
        "model_name": "pathwaystep",
        "field_name": "page",
        "term": "bo\x00stad",
    }
    response = staff_client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 400
    query["term"] = "bostad"
    response = staff_client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 200
    assert "results" in json.loads(response.content)

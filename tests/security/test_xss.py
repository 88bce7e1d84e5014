"""Script injection through every field a caseworker or visitor can fill.

Caseworkers fill the content models in the admin; visitors send paths, query
strings and Accept-Language. Each payload goes into every such field, and every
page that shows it, public or admin, must come back without anything a browser
would execute. Other apps reuse ``tests.security.payloads`` for their fields.
"""

import pytest
from django.test import Client
from django.urls import reverse

from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from tests.factories import make_contact_point, make_page, make_pathway_step, make_topic
from tests.security.payloads import PAYLOADS, assert_not_executable, fitting, text_fields

pytestmark = pytest.mark.django_db

LANGUAGES = ("sv", "ar", "ti")


@pytest.fixture
def visitor():
    return Client()


def everything_with(payload):
    topic = make_topic(**text_fields(Topic, payload))
    page = make_page(topic=topic, **text_fields(Page, payload))
    contact = make_contact_point(**text_fields(ContactPoint, payload))
    page.contact_points.add(contact)
    step = make_pathway_step(page=page, **text_fields(PathwayStep, payload))
    return {"topic": topic, "page": page, "contactpoint": contact, "pathwaystep": step}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_caseworker_text_is_not_executable_on_public_pages(visitor, payload):
    objects = everything_with(payload)
    page, topic = objects["page"], objects["topic"]
    for code in LANGUAGES:
        for path in (f"/{code}/", f"/{code}/topics/{topic.slug}/", f"/{code}/{page.slug}/"):
            response = visitor.get(path)
            assert response.status_code == 200, path
            assert_not_executable(response.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_caseworker_text_is_not_executable_in_the_admin(staff_client, payload):
    objects = everything_with(payload)
    for model, instance in objects.items():
        for url in (
            reverse(f"admin:housing_info_{model}_changelist"),
            reverse(f"admin:housing_info_{model}_change", args=[instance.pk]),
        ):
            response = staff_client.get(url)
            assert response.status_code == 200, url
            assert_not_executable(response.content.decode(), payload, allow_style_attributes=True)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_body_from_the_admin_is_sanitized(staff_client, visitor, payload):
    topic = make_topic()
    data = {
        "title_sv": "Hyresrätt",
        "summary_sv": "Om hyresrätt.",
        "body_sv": f"<p>Text</p>{payload}",
        "body_ar": f"<p>نص</p>{payload}",
        "slug": "rental",
        "topic": topic.pk,
        "kind": Page.Kind.GUIDANCE,
        "order": 1,
        "published": "on",
    }
    response = staff_client.post(reverse("admin:housing_info_page_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    for code in ("sv", "ar"):
        assert_not_executable(visitor.get(f"/{code}/rental/").content.decode(), payload)


@pytest.mark.parametrize("payload", fitting(50))
def test_slug_with_a_payload_is_refused_by_the_admin(staff_client, payload):
    topic = make_topic()
    response = staff_client.post(
        reverse("admin:housing_info_page_add"),
        {
            "title_sv": "Sida",
            "summary_sv": "Sammanfattning.",
            "slug": payload,
            "topic": topic.pk,
            "kind": Page.Kind.GUIDANCE,
            "order": 1,
        },
    )
    assert response.status_code == 200
    assert not Page.objects.exists()
    assert_not_executable(response.content.decode(), payload, allow_style_attributes=True)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", "javascript:alert(1)"),
        ("url", " javascript:alert(document.cookie)"),
        ("url", "data:text/html,<script>alert(1)</script>"),
        ("email", '"><script>alert(1)</script>@example.se'),
        ("email", "javascript:alert(1)"),
    ],
)
def test_contact_addresses_with_a_payload_are_refused_by_the_admin(staff_client, field, value):
    data = {"name_sv": "Boplats", "slug": "boplats", field: value}
    response = staff_client.post(reverse("admin:housing_info_contactpoint_add"), data)
    assert response.status_code == 200
    assert not ContactPoint.objects.exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_phone_and_address_payloads_are_not_executable(visitor, payload):
    page = make_page()
    # The phone field holds 40 characters; the start of the payload is the attack.
    contact = make_contact_point(phone=payload[:40], address=payload)
    page.contact_points.add(contact)
    assert_not_executable(visitor.get(f"/ar/{page.slug}/").content.decode(), payload)


# What visitors send.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_query_string_is_not_executable(visitor, page, payload):
    for path in ("/sv/", f"/ar/{page.slug}/", "/sv/search/", "/"):
        response = visitor.get(path, {"q": payload}, HTTP_ACCEPT_LANGUAGE="sv")
        assert response.status_code in {200, 302, 404}, path
        assert_not_executable(response.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_path_is_not_executable(visitor, payload):
    from urllib.parse import quote

    response = visitor.get(f"/ar/{quote(payload)}/")
    assert response.status_code == 404
    assert_not_executable(response.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_accept_language_is_not_executable(visitor, page, payload):
    header = payload.encode("utf-8").decode("latin-1")
    for path in ("/", f"/{page.slug}/", f"/sv/{page.slug}/"):
        response = visitor.get(path, HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code in {200, 302}, path
        assert_not_executable(response.content.decode(), payload)

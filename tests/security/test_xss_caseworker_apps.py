"""Script injection through what caseworkers write in the apps around the pages.

Glossary words, the question flow, contact points and the page text that the
printable, PDF, poster and embed views show: each payload goes in through the
admin (or straight into the database, for fields the admin already tests) and
every page that shows it must come back without anything a browser, or a PDF
reader, would execute.
"""

import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from glossary.models import Term
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from sharing.pdf import pdf_available
from smart_answers.models import Question, Rule
from tests.factories import make_contact_point, make_page, make_pathway_step, make_topic
from tests.security.payloads import PAYLOADS, assert_not_executable, fitting, text_fields

pytestmark = pytest.mark.django_db

ADMIN = {"allow_style_attributes": True}


@pytest.fixture
def visitor():
    return Client()


def every_language(base, value, codes=("sv", "ar", "ti")):
    return {f"{base}_{code}": value for code in codes}


# Glossary: admin → glossary page, search hits and auto-linked page bodies.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_glossary_term_from_the_admin_is_not_executable(staff_client, visitor, payload):
    data = {
        "term": payload,
        "other_forms": f"hyresrätten, {payload}",
        "slug": "hyresratt",
        **every_language("meaning", payload[:150]),
        **every_language("explanation", payload),
    }
    response = staff_client.post(reverse("admin:glossary_term_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    term = Term.objects.get()
    assert term.explanation_ar == payload
    page = make_page(
        body_sv="<p>Om hyresrätten och andra ord.</p>",
        body_ar="<p>عن hyresrätten وكلمات أخرى.</p>",
    )
    shown = {}
    for code in ("sv", "ar", "ti"):
        for path in (
            f"/{code}/glossary/",
            f"/{code}/search/?q=hyresr%C3%A4tten",
            f"/{code}/{page.slug}/",
        ):
            response = visitor.get(path)
            assert response.status_code == 200, path
            shown[path] = response.content.decode()
            assert_not_executable(shown[path], payload)
    assert 'class="glossary-term" href="/sv/glossary/#hyresratt"' in shown[f"/sv/{page.slug}/"]
    for url in (
        reverse("admin:glossary_term_changelist"),
        reverse("admin:glossary_term_change", args=[term.pk]),
    ):
        assert_not_executable(staff_client.get(url).content.decode(), payload, **ADMIN)


@pytest.mark.parametrize("payload", fitting(100))
def test_glossary_word_inside_a_page_body_with_a_payload_is_linked_harmlessly(
    visitor, staff_client, payload
):
    """The body holds the payload as text; the glossary links words inside it."""
    Term.objects.create(
        slug="onerror", term="onerror", other_forms="script, alert, javascript, img, svg",
        explanation_sv="Ett ord.",
    )  # fmt: skip
    topic = make_topic()
    response = staff_client.post(
        reverse("admin:housing_info_page_add"),
        {
            "title_sv": "Hyresrätt",
            "summary_sv": "Om hyresrätt.",
            "body_sv": f"<p>script alert onerror</p><p>{payload}</p>",
            "slug": "rental",
            "topic": topic.pk,
            "kind": Page.Kind.GUIDANCE,
            "order": 1,
            "published": "on",
        },
    )
    assert response.status_code == 302
    content = visitor.get("/sv/rental/").content.decode()
    assert 'class="glossary-term"' in content
    assert_not_executable(content, payload)


# The question flow: admin → the question and result pages.


def answer_forms(payload, slugs):
    data = {
        "answers-TOTAL_FORMS": str(len(slugs)),
        "answers-INITIAL_FORMS": "0",
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "1000",
    }
    for number, slug in enumerate(slugs):
        data |= {
            f"answers-{number}-slug": slug,
            f"answers-{number}-order": str(number),
            **{
                f"answers-{number}-{name}": value
                for name, value in every_language("label", payload).items()
            },
        }
    return data


@pytest.mark.parametrize("payload", PAYLOADS)
def test_question_flow_from_the_admin_is_not_executable(staff_client, visitor, payload):
    response = staff_client.post(
        reverse("admin:smart_answers_question_add"),
        {
            "slug": "status",
            "order": "1",
            **every_language("text", payload),
            **every_language("hint", payload),
            **answer_forms(payload, ["assigned", "own-housing"]),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert question.answers.count() == 2
    page = make_page()
    step = make_pathway_step(page=page, **text_fields(PathwayStep, payload))
    response = staff_client.post(
        reverse("admin:smart_answers_rule_add"),
        {
            "name": payload,
            "slug": "assigned",
            "order": "1",
            "conditions": [question.answers.get(slug="assigned").pk],
            **every_language("note", payload),
            "pages": [page.pk],
            "steps": [step.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    rule = Rule.objects.get()
    shown = {}
    for code in ("sv", "ar", "ti", "so"):
        flow = f"/{code}/what-applies-to-me/"
        for query in ("", "?asked=status", "?status=assigned", "?status=own-housing"):
            response = visitor.get(flow + query)
            assert response.status_code == 200, query
            shown[flow + query] = response.content.decode()
            assert_not_executable(shown[flow + query], payload)
    result = shown["/ar/what-applies-to-me/?status=assigned"]
    assert 'id="notes-heading"' in result and page.get_absolute_url()[3:] in result
    for url in (
        reverse("admin:smart_answers_question_changelist"),
        reverse("admin:smart_answers_question_change", args=[question.pk]),
        reverse("admin:smart_answers_rule_changelist"),
        reverse("admin:smart_answers_rule_change", args=[rule.pk]),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert_not_executable(response.content.decode(), payload, **ADMIN)


# Contact points on the help page, with and without a topic chosen.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_contact_points_on_the_help_page_are_not_executable(visitor, payload):
    topic = make_topic(slug="rent", **text_fields(Topic, payload))
    contact = make_contact_point(**text_fields(ContactPoint, payload))
    contact.phone = payload[:40]
    contact.save()
    contact.topics.add(topic)
    for code in ("sv", "ar", "ti"):
        for query in ("", "?topic=rent", "?topic=other"):
            response = visitor.get(f"/{code}/contacts/{query}")
            assert response.status_code == 200
            content = response.content.decode()
            assert 'class="contact"' in content
            assert_not_executable(content, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_topic_chosen_on_the_help_page_is_not_executable(visitor, payload):
    make_contact_point().topics.add(make_topic())
    response = visitor.get("/ar/contacts/", {"topic": payload})
    assert response.status_code == 200
    assert_not_executable(response.content.decode(), payload)


# Page text in the printable page, the poster, the PDFs and the embed.


def page_with(payload):
    topic = make_topic(**text_fields(Topic, payload))
    page = make_page(topic=topic, is_example=True, **text_fields(Page, payload))
    contact = make_contact_point(**text_fields(ContactPoint, payload))
    page.contact_points.add(contact)
    return page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_page_text_is_not_executable_in_print_poster_and_embed(visitor, payload):
    page = page_with(payload)
    for code in ("sv", "ar", "ti", "so"):
        for path in (
            f"/{code}/{page.slug}/print/",
            f"/{code}/{page.slug}/poster/",
            f"/{code}/topics/{page.topic.slug}/embed/",
        ):
            response = visitor.get(path)
            assert response.status_code == 200, path
            assert response["Content-Type"].startswith("text/html")
            assert_not_executable(response.content.decode(), payload)


# A PDF can carry script too: JavaScript, launch and form actions, javascript: links.
PDF_ACTION = re.compile(rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)(?![A-Za-z0-9])")


def pdf_links_and_problems(content):
    """The addresses the PDF links to, and everything in it that could run."""
    from pypdf import PdfReader

    problems = [match.group(0).decode() for match in PDF_ACTION.finditer(content)]
    reader = PdfReader(io.BytesIO(content))
    if "/OpenAction" in reader.trailer["/Root"]:
        problems.append("/OpenAction")
    links = []
    for number, pdf_page in enumerate(reader.pages):
        for annotation in pdf_page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            if action.get("/S") not in ("/URI", "/GoTo"):
                problems.append(f"page {number}: action {action.get('/S')}")
            uri = str(action.get("/URI", ""))
            links.append(uri)
            if "".join(uri.split()).lower().startswith(("javascript:", "data:", "vbscript:")):
                problems.append(f"page {number}: link to {uri}")
    return links, problems


LINK_PAYLOADS = [payload for payload in PAYLOADS if "href" in payload or "javascript" in payload]


@pytest.mark.parametrize("payload", LINK_PAYLOADS)
def test_page_text_is_not_executable_in_the_pdfs(visitor, payload):
    page = page_with(payload)
    page.body_ar = f'<p><a href="https://boplats.se/">Boplats</a></p>{payload}'
    page.save()
    for code in ("sv", "ar"):
        if not pdf_available(code):
            pytest.skip(f"no PDF renderer or font for {code}")
        for path in (f"/{code}/{page.slug}/pdf/", f"/{code}/{page.slug}/poster/pdf/"):
            response = visitor.get(path)
            assert response.status_code == 200, path
            assert response["Content-Type"] == "application/pdf"
            # Stored PDFs are sent as files (FileResponse).
            content = b"".join(response.streaming_content)
            assert content.startswith(b"%PDF")
            links, problems = pdf_links_and_problems(content)
            assert problems == [], path
            if code == "ar" and path.endswith("/pdf/") and "poster" not in path:
                assert "https://boplats.se/" in links


def test_the_pdf_check_finds_a_javascript_link_the_sanitizer_would_have_removed():
    from sharing.pdf import render_pdf

    if not pdf_available("sv"):
        pytest.skip("no PDF renderer here")
    content = render_pdf(
        '<p><a href="javascript:alert(1)">klicka</a> <a href="https://boplats.se/">Boplats</a></p>',
        base_url="http://testserver/",
    )
    links, problems = pdf_links_and_problems(content)
    assert "https://boplats.se/" in links
    assert problems == ["page 0: link to javascript:alert(1)"]


# Page text in the translation workflow's admin pages.


@pytest.mark.parametrize("payload", PAYLOADS)
def test_page_text_is_not_executable_in_the_translation_workflow_admin(staff_client, payload):
    page = make_page(**text_fields(Page, payload, languages=("sv", "ar")))
    page.body_ar = f"<p>نص</p>{payload}"
    page.title_sv = f"{payload} (ändrad)"[:200]
    page.save()
    old, new = page.history.order_by("history_id").values_list("history_id", flat=True)
    for url in (
        reverse("admin:translation_workflow_translationoverview_changelist"),
        reverse("admin:translation_workflow_translationoverview_changelist") + "?language=ar",
        reverse("admin:translation_workflow_export") + f"?pages={page.pk}",
        reverse("admin:translation_workflow_review", args=[page.pk, "ar"]),
        reverse("admin:housing_info_page_history", args=[page.pk]),
        reverse("admin:housing_info_page_compare", args=[page.pk, old, new]),
        reverse("admin:housing_info_page_simple_history", args=[page.pk, old]),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert_not_executable(response.content.decode(), payload, **ADMIN)

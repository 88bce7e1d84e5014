"""Script injection through an XLIFF file sent back by a translation agency.

A target with HTML typed as text (script, event handlers, javascript: links),
or a script element, or any tag in a plain-text field is refused
before anything is written; whatever the import's problem report shows back
(targets, unit ids, language codes, page titles, XML errors) is escaped.
"""

import re
from xml.sax.saxutils import escape, quoteattr

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from housing_info.models import Page
from tests.factories import make_page
from tests.security.payloads import PAYLOADS, assert_not_executable
from tests.translation_workflow.xliff_files import fill_targets
from translation_workflow.xliff import XLIFF_NAMESPACE, export_xliff

pytestmark = pytest.mark.django_db

IMPORT = "admin:translation_workflow_import"
ADMIN = {"allow_style_attributes": True}
HAS_TAG = re.compile(r"<[!/a-zA-Z]")


def translated(page, code, body_xml='<g id="1">نص</g>', **targets):
    """The export of ``page`` with a target for every unit.

    ``targets`` are text (a tool escapes what a translator types); ``body_xml``
    is the body's target as XLIFF content, its paragraph inline element 1.
    """
    texts = {name: escape(targets.get(name, f"نص {name}")) for name in Page.TEXT_FIELDS}
    texts["body"] = targets.get("body") and escape(targets["body"]) or body_xml
    return fill_targets(export_xliff([page], code), texts)


def send(client, data, code="ar"):
    upload = SimpleUploadedFile(f"{code}.xlf", data, content_type="application/x-xliff+xml")
    return client.post(reverse(IMPORT), {"language": code, "file": upload})


def problems_shown(response):
    assert response.status_code == 400, response.status_code
    content = response.content.decode()
    assert 'class="import-problems"' in content
    return content


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_body_target_with_script_or_event_handlers_is_refused(staff_client, payload):
    page = make_page()
    before = Page.objects.get(pk=page.pk).body_ar
    # The paragraph is the tool's protected tag; the payload is text typed after it.
    data = translated(page, "ar", body_xml=f'<g id="1">نص</g>{escape(payload)}')
    response = send(staff_client, data)
    if HAS_TAG.search(payload):
        content = problems_shown(response)
        assert_not_executable(content, payload, **ADMIN)
        assert Page.objects.get(pk=page.pk).body_ar == before
        assert Page.history.filter(id=page.pk).count() == 1
    else:
        # Plain text ("javascript:alert(1)") is text: imported, shown as text.
        assert response.status_code == 302
        shown = Client().get(f"/ar/{page.slug}/")
        assert_not_executable(shown.content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_plain_text_target_with_markup_is_refused(staff_client, payload):
    page = make_page()
    data = translated(page, "ar", title=payload, summary=f"ملخص {payload}")
    response = send(staff_client, data)
    if HAS_TAG.search(payload):
        content = problems_shown(response)
        with translation.override("sv"):
            expected = translation.gettext(
                "The translation of “%(field)s” on the page “%(page)s” contains HTML tags."
            ).split("%(field)s")[0]
        assert expected in content
        assert_not_executable(content, payload, **ADMIN)
        assert Page.objects.get(pk=page.pk).title_ar == page.title_ar
    else:
        assert response.status_code == 302
        assert Page.objects.get(pk=page.pk).title_ar == payload
        for path in (f"/ar/{page.slug}/", f"/ar/{page.slug}/print/", "/ar/"):
            assert_not_executable(Client().get(path).content.decode(), payload)


def test_the_report_names_the_refused_markup_escaped(staff_client):
    page = make_page()
    data = translated(page, "ar", body='<p>نص<img src=x onerror="alert(1)"></p><script>x</script>')
    content = problems_shown(send(staff_client, data))
    assert "&lt;script&gt;" in content and "&lt;img " in content
    assert "onerror=&quot;alert(1)&quot;" in content
    assert_not_executable(content, **ADMIN)


def xliff(unit_id="page-1-title", source_language="sv", target_language="ar", target="x"):
    return (
        f'<?xml version="1.0"?><xliff version="1.2" xmlns="{XLIFF_NAMESPACE}">'
        f"<file original={quoteattr(unit_id)} source-language={quoteattr(source_language)} "
        f'target-language={quoteattr(target_language)} datatype="plaintext"><body>'
        f"<trans-unit id={quoteattr(unit_id)}><source>x</source>"
        f"<target>{escape(target)}</target></trans-unit></body></file></xliff>"
    ).encode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_the_report_shows_back_from_the_file_is_escaped(staff_client, payload):
    page = make_page(title_sv=payload[:200])
    files = [
        xliff(unit_id=payload),
        xliff(unit_id=f"page-{page.pk}-{payload}"),
        xliff(source_language=payload, target_language=payload),
        # The page's own Swedish title is named in the report.
        xliff(unit_id=f"page-{page.pk}-summary", target=""),
        payload.encode(),
        f"<?xml version='1.0'?><xliff version='1.2'>{payload}</xliff>".encode(),
    ]
    for data in files:
        content = problems_shown(send(staff_client, data))
        assert_not_executable(content, payload, **ADMIN)
    assert Page.objects.get(pk=page.pk).title_ar == page.title_ar

"""axe-core finds no WCAG 2.1 A or AA violation, in left-to-right, right-to-left and Ethiopic."""

import pytest

from tests.browser.axe import axe_in_every_page, axe_violations, run_axe
from tests.factories import make_contact_point, make_page_in, make_pathway_step

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "ar", "prs", "ti", "so", "uk")


@pytest.fixture(scope="module", autouse=True)
def axe_in_the_modules_pages(browser):
    """axe-core in every page this module's tests load (tests/browser/axe.py)."""
    with axe_in_every_page(browser):
        yield


@pytest.fixture
def content_page(transactional_db):
    """A page with text in every tested language, a contact point and a pathway step."""
    page = make_page_in("ar", "prs", "ti", "so", "uk")
    page.contact_points.add(make_contact_point(name_ar="مكتب Boplats Göteborg"))
    make_pathway_step(page=page, title_ti="ምዝገባ ኣብ Boplats", title_prs="ثبت نام در Boplats")
    return page


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_has_no_wcag_violations(browser, live_server, content_page, code):
    violations = axe_violations(browser, f"{live_server.url}/{code}/")
    assert violations == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_content_page_has_no_wcag_violations(browser, live_server, content_page, code):
    violations = axe_violations(browser, f"{live_server.url}/{code}/{content_page.slug}/")
    assert violations == []


def test_accessibility_statement_has_no_wcag_violations(browser, live_server, transactional_db):
    assert axe_violations(browser, f"{live_server.url}/ar/about/accessibility/") == []


def test_axe_reports_a_violation_when_there_is_one(browser, live_server, transactional_db):
    """The harness itself works: an image without a text alternative is caught."""
    browser.get(f"{live_server.url}/ar/")
    browser.execute_script("document.querySelector('main').append(document.createElement('img'))")
    violations = run_axe(browser)
    assert [violation["id"] for violation in violations] == ["image-alt"]

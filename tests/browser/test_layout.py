"""Right-to-left pages are mirrored, and every page fits a small phone."""

import pytest
from selenium.webdriver.common.by import By

from portal.languages import PORTAL_LANGUAGES, direction
from tests.browser.driving import set_viewport
from tests.factories import make_page_in

pytestmark = pytest.mark.browser

RTL_CODES = [language.code for language in PORTAL_LANGUAGES if language.bidi]
ALL_CODES = [language.code for language in PORTAL_LANGUAGES]
SMALL_PHONE_WIDTH = 360

# On a phone the main menu is a folded list, one link a row: open it and find where
# the words of its first two links start and end.
NAV_EDGES = """
document.querySelector(".site-menu").open = true;
const list = document.querySelector(".site-nav ul");
const box = list.getBoundingClientRect();
const words = [...list.querySelectorAll("a")].slice(0, 2).map(link => {
  const range = document.createRange();
  range.selectNodeContents(link);
  return range.getBoundingClientRect();
});
return {
  contentLeft: box.left,
  contentRight: box.right,
  first: {left: words[0].left, right: words[0].right, top: words[0].top},
  second: {left: words[1].left, right: words[1].right, top: words[1].top},
};
"""


@pytest.mark.parametrize("code", RTL_CODES)
def test_right_to_left_page_is_mirrored(phone, live_server, transactional_db, code):
    phone.get(f"{live_server.url}/{code}/")
    assert phone.execute_script("return document.documentElement.dir") == "rtl"
    assert phone.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    edges = phone.execute_script(NAV_EDGES)
    assert edges["first"]["right"] == pytest.approx(edges["contentRight"], abs=1)
    assert edges["second"]["right"] == pytest.approx(edges["contentRight"], abs=1)
    assert edges["first"]["left"] > edges["contentLeft"] + 1
    assert edges["second"]["top"] > edges["first"]["top"]


def test_left_to_right_page_starts_at_the_left(phone, live_server, transactional_db):
    phone.get(f"{live_server.url}/sv/")
    assert phone.execute_script("return document.documentElement.dir") == "ltr"
    edges = phone.execute_script(NAV_EDGES)
    assert edges["first"]["left"] == pytest.approx(edges["contentLeft"], abs=1)
    assert edges["second"]["left"] == pytest.approx(edges["contentLeft"], abs=1)
    assert edges["first"]["right"] < edges["contentRight"] - 1
    assert edges["second"]["top"] > edges["first"]["top"]


# The page's height in a window 800 px tall, as these tests had it when they
# resized the window.
VIEWPORT_HEIGHT = 657


def set_viewport_width(browser, width):
    """Make the page itself (not the window) ``width`` wide, until the test's ``phone``
    fixture gives it the window's size again."""
    set_viewport(browser, width, VIEWPORT_HEIGHT)


OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("code", ALL_CODES)
def test_page_fits_a_small_phone_without_sideways_scrolling(
    phone, live_server, transactional_db, code
):
    page = make_page_in("ar", "prs", "ti", "so", "uk")
    set_viewport_width(phone, SMALL_PHONE_WIDTH)
    for path in (f"/{code}/", f"/{code}/{page.slug}/", f"/{code}/about/accessibility/"):
        phone.get(live_server.url + path)
        assert phone.execute_script(OVERFLOW) <= 0, path


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_language_switcher_shows_all_languages_on_a_small_phone(
    phone, live_server, transactional_db, code
):
    set_viewport_width(phone, SMALL_PHONE_WIDTH)
    phone.get(f"{live_server.url}/{code}/")
    phone.find_element(By.CSS_SELECTOR, ".language-switcher summary").click()
    links = phone.find_elements(By.CSS_SELECTOR, ".language-switcher li a")
    assert [link.get_attribute("hreflang") for link in links] == ALL_CODES
    for link in links:
        box = phone.execute_script("return arguments[0].getBoundingClientRect().toJSON()", link)
        assert link.is_displayed()
        assert box["left"] >= 0 and box["right"] <= SMALL_PHONE_WIDTH, link.text
        name = link.find_element(By.TAG_NAME, "span")
        assert name.get_attribute("dir") == direction(link.get_attribute("lang"))
    assert phone.execute_script(OVERFLOW) <= 0


@pytest.fixture
def visitor_reading_german(phone):
    """A browser asking for a language the portal does not serve (so it sees the chooser)."""
    phone.execute_cdp_cmd("Network.enable", {})
    phone.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Accept-Language": "de"}})
    yield phone
    phone.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})


def test_language_chooser_fits_a_small_phone(visitor_reading_german, live_server, transactional_db):
    browser = visitor_reading_german
    set_viewport_width(browser, SMALL_PHONE_WIDTH)
    browser.get(f"{live_server.url}/")
    links = browser.find_elements(By.CSS_SELECTOR, ".chooser__list a")
    assert [link.get_attribute("hreflang") for link in links] == ALL_CODES
    assert browser.execute_script(OVERFLOW) <= 0

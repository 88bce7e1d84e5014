"""Small phones first (issue 11): WCAG 2.2 A/AA and a layout that fits a 360 x 640 phone.

For the five kinds of page a reader meets first (home, a content page, a topic
list, search results and the question flow) in every portal language, axe-core
finds no WCAG 2.2 A/AA violation, and on a 360 x 640 screen:

- the header takes at most a quarter of the screen (160 px) with its menu and
  language list folded away, and the page's title starts on the first screen;
- every link and control is at least 24 x 24 px (WCAG 2.2 2.5.8), and the main
  navigation, the answers and the buttons at least 44 px tall;
- at 320 px nothing scrolls sideways, with the menu and the language list open too.

The demo content is loaded as a caseworker would load it; which pages exist in
which language does not matter here (a title may be in a fallback language).

Each reader page is loaded once, at 360 px: the portal's public pages run no
script (the templates have none outside the admin, and every page measured here
is checked to have none), so their layout follows from the CSS and the viewport
alone, and a page narrowed to 320 px after loading is laid out as one loaded at
320 px (checked on all sixty: the same sideways overflow, folded and open). The
viewport is set through DevTools, exactly and at once (tests/browser/driving.py).
"""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions

from housing_info.models import Page, Topic
from portal.languages import PORTAL_LANGUAGES
from tests.browser.axe import WCAG_22_TAGS, axe_in_every_page, run_axe
from tests.browser.driving import clear_viewport, set_viewport, tap, wait

pytestmark = pytest.mark.browser

ALL_CODES = [language.code for language in PORTAL_LANGUAGES]
RTL_CODES = [language.code for language in PORTAL_LANGUAGES if language.bidi]
PHONE = (360, 640)
NARROWEST = 320
MAX_HEADER_HEIGHT = PHONE[1] // 4
MIN_TARGET = 24
MIN_LARGE_TARGET = 44
# A title "starts on the first screen" when at least its first line is on it.
FIRST_LINE = 32
# Ask for pages the demo content is sure to have in Swedish and English.
SEARCH_QUERY = "Boplats"
# The flow's answers that lead to notes, steps and pages (smart_answers/demo).
FLOW_ANSWERS = "status=residence-permit&arrival=assigned&living=nowhere&children=yes"

# A page has loaded with its main content and stylesheet.
LOADED = "document.readyState === 'complete' && !!document.querySelector('main')"
# Scripts that measure a page answer null until then.
UNTIL_LOADED = f"if (!({LOADED})) return null;\n"

# Sizes of what a finger can tap: everything shown that is a link or a control.
# Hidden things (a folded menu, a label read only by screen readers) are not targets.
MEASURE = (
    UNTIL_LOADED
    + """
const [minTarget, minLarge] = arguments;
const shown = element => {
  const box = element.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility === "visible";
};
const describe = (element, box) =>
  `${element.tagName.toLowerCase()}${element.className ? "." + element.className : ""} ` +
  `"${element.textContent.trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`;
const tooSmall = [], tooLow = [];
const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary";
for (const element of document.querySelectorAll(targets)) {
  if (!shown(element)) continue;
  const box = element.getBoundingClientRect();
  if (box.width < minTarget || box.height < minTarget) tooSmall.push(describe(element, box));
}
const large = ".site-nav a, .site-header summary, button, .choice, .site-search input";
for (const element of document.querySelectorAll(large)) {
  if (!shown(element)) continue;
  const box = element.getBoundingClientRect();
  if (box.height < minLarge) tooLow.push(describe(element, box));
}
const title = document.querySelector("main h1");
return {
  header: document.querySelector(".site-header").getBoundingClientRect().height,
  titleTop: title ? title.getBoundingClientRect().top : null,
  width: window.innerWidth,
  screen: window.innerHeight,
  scripts: document.scripts.length,
  tooSmall, tooLow,
};
"""
)

OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def small_phone(browser):
    """The session's browser showing pages at 360 x 640, for the module."""
    set_viewport(browser, *PHONE)
    assert browser.execute_script("return [innerWidth, innerHeight]") == list(PHONE)
    yield browser
    clear_viewport(browser)


def open_page(browser, url):
    """Load ``url`` and wait until its main content and stylesheet are in place."""
    browser.get(url)
    wait(browser).until(lambda driver: driver.execute_script(f"return {LOADED}"))


# The header's disclosures (menu, language list) whose button is shown, and whether
# each is open; shown as MEASURE has it.
DISCLOSURES = """
return [...document.querySelectorAll(".site-header details")]
  .map(details => [details.querySelector(":scope > summary"), details.open])
  .filter(([summary]) => {
    const box = summary.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && getComputedStyle(summary).visibility === "visible";
  });
"""


def open_disclosures(browser):
    """Open the header's menu and language list, as a reader would by tapping them."""
    for summary, _open in browser.execute_script(DISCLOSURES):
        tap(browser, summary)
    wait(browser, 5).until(
        lambda driver: all(is_open for _summary, is_open in driver.execute_script(DISCLOSURES)),
        "the header's menus did not open",
    )


def measure(browser):
    """MEASURE's figures for the page shown, once it has loaded at the phone's width."""

    def measured(driver):
        figures = driver.execute_script(MEASURE, MIN_TARGET, MIN_LARGE_TARGET)
        return figures if figures and figures["width"] == PHONE[0] else None

    return wait(browser).until(measured)


# The sideways overflow, in a list, once the page is arguments[0] px wide.
OVERFLOW_AT = """
if (innerWidth !== arguments[0]) return null;
return [document.documentElement.scrollWidth - document.documentElement.clientWidth];
"""


def overflow_at(browser, width):
    """How far the page scrolls sideways, measured once it is ``width`` px wide."""
    [overflow] = wait(browser).until(lambda driver: driver.execute_script(OVERFLOW_AT, width))
    return overflow


def page_problems(browser, url):
    """What on ``url`` fails WCAG 2.2 A/AA (axe) or does not fit a small phone, as
    readable sentences.

    One load serves every check. At 360 px, as loaded: the layout is measured
    (measuring only reads the page), then axe checks the same page, with the menus
    folded as a reader first sees them. Narrowed to 320 px: the sideways overflow,
    folded; then with the menus tapped open; back at 360 px, the open menus' targets.
    """
    problems = []
    browser.get(url)
    measured = measure(browser)
    # The premise of narrowing instead of loading again (module docstring).
    assert measured["scripts"] == 0, f"{url} runs a script: load it again at 320 px"
    violations = run_axe(browser, WCAG_22_TAGS)
    problems += [f"axe {v['id']}: {v['help']} {v['nodes']}" for v in violations]
    if measured["header"] > MAX_HEADER_HEIGHT:
        problems.append(f"header is {measured['header']:.0f} px tall")
    if measured["titleTop"] is None:
        problems.append("no h1 in main")
    elif measured["titleTop"] > measured["screen"] - FIRST_LINE:
        problems.append(f"title starts at {measured['titleTop']:.0f} px, below the first screen")
    problems += [f"smaller than 24 x 24: {target}" for target in measured["tooSmall"]]
    problems += [f"lower than 44 px: {target}" for target in measured["tooLow"]]

    set_viewport(browser, NARROWEST, PHONE[1])
    if (overflow := overflow_at(browser, NARROWEST)) > 0:
        problems.append(f"scrolls {overflow} px sideways at 320 px")
    open_disclosures(browser)
    if (overflow := overflow_at(browser, NARROWEST)) > 0:
        problems.append(f"scrolls {overflow} px sideways at 320 px with the menus open")

    # Open, the menu's links and the language list are targets too.
    set_viewport(browser, *PHONE)
    measured = measure(browser)
    problems += [f"(menus open) smaller than 24 x 24: {t}" for t in measured["tooSmall"]]
    problems += [f"(menus open) lower than 44 px: {t}" for t in measured["tooLow"]]
    return problems


@pytest.fixture
def demo_portal(reading_demo_portal):
    """The demo content and question flow, served by a live server: written once for
    the module, as its tests only read them (tests/browser/conftest.py)."""
    return reading_demo_portal


def reader_pages(code):
    """The five kinds of page, by name, for a reader of ``code``."""
    page = Page.objects.published().order_by("pk").first()
    topic = Topic.objects.order_by("pk").first()
    return {
        "home": f"/{code}/",
        "content page": f"/{code}/{page.slug}/",
        "topic list": f"/{code}/topics/{topic.slug}/",
        "search results": f"/{code}/search/?q={SEARCH_QUERY}",
        "question flow": f"/{code}/what-applies-to-me/",
    }


@pytest.mark.parametrize("code", ALL_CODES)
def test_reader_pages_meet_wcag_22_aa_and_fit_a_small_phone(small_phone, demo_portal, code):
    set_viewport(small_phone, *PHONE)
    found = {}
    with axe_in_every_page(small_phone):
        for name, path in reader_pages(code).items():
            if problems := page_problems(small_phone, demo_portal.url + path):
                found[name] = problems
    assert found == {}


def test_search_results_page_lists_results(small_phone, demo_portal):
    """The search tested above shows results, so their links are measured too."""
    open_page(small_phone, f"{demo_portal.url}/sv/search/?q={SEARCH_QUERY}")
    assert small_phone.find_elements(By.CSS_SELECTOR, ".search-result a")


@pytest.mark.parametrize("code", ALL_CODES)
def test_flow_result_embed_and_poster_do_not_scroll_sideways_at_320_px(
    small_phone, demo_portal, code
):
    """Right-to-left lists with left-to-right items (result notes, embed) and the poster."""
    page = Page.objects.published().order_by("pk").first()
    topic = Topic.objects.order_by("pk").first()
    set_viewport(small_phone, NARROWEST, PHONE[1])
    overflowing = {}
    for path in (
        f"/{code}/what-applies-to-me/?{FLOW_ANSWERS}",
        f"/{code}/topics/{topic.slug}/embed/",
        f"/{code}/{page.slug}/poster/",
    ):
        open_page(small_phone, demo_portal.url + path)
        if (overflow := small_phone.execute_script(OVERFLOW)) > 0:
            overflowing[path] = overflow
    assert overflowing == {}


def test_flow_result_shows_notes(small_phone, demo_portal):
    """The answers used above lead to a result with notes, so their list is measured."""
    open_page(small_phone, f"{demo_portal.url}/ar/what-applies-to-me/?{FLOW_ANSWERS}")
    assert small_phone.find_elements(By.CSS_SELECTOR, ".result-notes li")


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_tapping_an_answers_text_chooses_it(small_phone, demo_portal, code):
    """The label wraps the radio button: the whole row is the target, not the circle."""
    set_viewport(small_phone, *PHONE)
    open_page(small_phone, f"{demo_portal.url}/{code}/what-applies-to-me/")
    texts = small_phone.find_elements(By.CSS_SELECTOR, ".choice__text")
    texts[-1].click()
    radios = small_phone.find_elements(By.CSS_SELECTOR, ".choice input[type=radio]")
    assert [radio.is_selected() for radio in radios] == [False] * (len(radios) - 1) + [True]


@pytest.mark.parametrize("code", ["so", "prs"])
def test_menu_opens_from_the_keyboard_without_javascript(small_phone, demo_portal, code):
    """Tab reaches the folded menu's button, which shows its focus; Enter opens it."""
    small_phone.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        set_viewport(small_phone, *PHONE)
        small_phone.get(f"{demo_portal.url}/{code}/")
        summary = wait(small_phone).until(
            expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, ".site-menu > summary"))
        )
        nav_link = small_phone.find_element(By.CSS_SELECTOR, ".site-nav a")
        assert not nav_link.is_displayed()
        keyboard = ActionChains(small_phone)
        for _ in range(6):  # skip link, site name, languages, menu
            if small_phone.switch_to.active_element == summary:
                break
            keyboard.send_keys(Keys.TAB).perform()
        assert small_phone.switch_to.active_element == summary
        assert summary.value_of_css_property("outline-style") == "solid"
        keyboard.send_keys(Keys.ENTER).perform()
        wait(small_phone, 5).until(expected_conditions.visibility_of(nav_link))
    finally:
        small_phone.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


TITLE_TOPS = (
    UNTIL_LOADED
    + """
const title = document.querySelector("main h1");
return [document.querySelector(".site-header").getBoundingClientRect().height,
        title ? title.getBoundingClientRect().top : null];
"""
)


def test_every_content_page_starts_its_title_on_the_first_screen(small_phone, demo_portal):
    """Notices and long breadcrumbs above a title (the Somali transitional-flat page's
    started at 575 px) must leave it on the first screen, for every page and language."""
    set_viewport(small_phone, *PHONE)
    slugs = list(Page.objects.published().values_list("slug", flat=True))
    assert slugs
    too_low = {}
    for code in ALL_CODES:
        for slug in slugs:
            small_phone.get(f"{demo_portal.url}/{code}/{slug}/")
            header, title_top = wait(small_phone).until(
                lambda driver: driver.execute_script(TITLE_TOPS)
            )
            if header > MAX_HEADER_HEIGHT or title_top is None or title_top > PHONE[1] - FIRST_LINE:
                too_low[f"/{code}/{slug}/"] = (header, title_top)
    assert too_low == {}

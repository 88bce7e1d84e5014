"""Mixed-direction items with their language markers, laid out on a small phone."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from smart_answers.models import Answer
from tests.browser.axe import axe_in_every_page, axe_violations
from tests.browser.driving import wait
from tests.browser.test_layout import OVERFLOW, set_viewport_width
from tests.portal.test_language_policy_walk import site  # noqa: F401 - the walk's fixtures

pytestmark = pytest.mark.browser

NARROWEST_PHONE = 320

ROWS = """
return [...document.querySelectorAll(arguments[0])].map(element => {
  const box = element.getBoundingClientRect();
  const list = element.parentElement.getBoundingClientRect();
  return {left: box.left, right: box.right, listLeft: list.left, listRight: list.right,
          text: element.textContent.trim()};
});
"""


def wait_for(browser, selector):
    wait(browser).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector))
    )


LINE_ENDS = """
const label = arguments[0];
const range = document.createRange();
// The answer's text; its marker follows it on the last line.
range.selectNodeContents(label.querySelector(".shown-text"));
const lines = {};
for (const rect of range.getClientRects()) {
  if (!rect.width) continue;
  const top = Math.round(rect.top);
  lines[top] = Math.max(lines[top] ?? -Infinity, rect.right);
}
return {right: label.getBoundingClientRect().right, lines: Object.values(lines)};
"""


def test_dari_answers_in_two_directions_line_up_on_the_right(
    phone,
    live_server,
    transactional_db,
    site,  # noqa: F811
):
    # One answer not yet in Dari: its long English label wraps among Dari ones.
    Answer.objects.filter(slug="no", question__slug="contract").update(
        label_prs="", label_en="No, I do not have a contract of my own with a landlord yet"
    )
    set_viewport_width(phone, NARROWEST_PHONE)
    phone.get(f"{live_server.url}/prs/what-applies-to-me/")
    wait_for(phone, ".choice .choice__text")
    labels = phone.find_elements(By.CSS_SELECTOR, ".choice .choice__text")
    assert len(labels) == 2
    ends = [phone.execute_script(LINE_ENDS, label) for label in labels]
    # The English label wraps; every line of every label ends on the page's start side.
    assert max(len(end["lines"]) for end in ends) > 1
    assert ends[0]["right"] == pytest.approx(ends[1]["right"], abs=1)
    for end in ends:
        for line in end["lines"]:
            assert line == pytest.approx(end["right"], abs=0.5)
    marker = phone.find_element(By.CSS_SELECTOR, ".choice .choice__text .shown-in")
    assert marker.is_displayed()
    assert phone.execute_script(OVERFLOW) <= 0


@pytest.mark.parametrize("code", ["prs", "ar", "ti"])
def test_result_with_english_notes_fits_the_narrowest_phone(
    phone,
    live_server,
    transactional_db,
    site,  # noqa: F811
    code,
):
    set_viewport_width(phone, NARROWEST_PHONE)
    phone.get(f"{live_server.url}/{code}/what-applies-to-me/?contract=yes&children=no")
    wait_for(phone, ".result-notes li")
    assert phone.execute_script(OVERFLOW) <= 0
    for note in phone.execute_script(ROWS, ".result-notes li"):
        assert note["left"] >= note["listLeft"] - 1 and note["right"] <= note["listRight"] + 1
    marker = phone.find_element(By.CSS_SELECTOR, ".result-notes .shown-in")
    assert marker.is_displayed()


@pytest.mark.parametrize("code", ["prs", "ti", "so"])
def test_home_and_embed_with_markers_fit_the_narrowest_phone(
    phone,
    live_server,
    transactional_db,
    site,  # noqa: F811
    code,
):
    set_viewport_width(phone, NARROWEST_PHONE)
    for path in (f"/{code}/", f"/{code}/topics/tallbacka/embed/", f"/{code}/contacts/"):
        phone.get(live_server.url + path)
        wait_for(phone, "main")
        assert phone.execute_script(OVERFLOW) <= 0, path


@pytest.mark.parametrize("code", ["prs", "ti", "ar"])
def test_pages_with_markers_have_no_wcag_violations(
    browser,
    live_server,
    transactional_db,
    site,  # noqa: F811
    code,
):
    with axe_in_every_page(browser):
        for path in (
            f"/{code}/",
            f"/{code}/contacts/",
            f"/{code}/what-applies-to-me/",
            f"/{code}/what-applies-to-me/?contract=yes&children=no",
            f"/{code}/glossary/",
        ):
            assert axe_violations(browser, live_server.url + path) == [], path

"""The page form in Swedish in a real browser: named language tabs, the editor's labels."""

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.driving import wait
from tests.factories import make_page

pytestmark = pytest.mark.browser

TABS = """
return Array.from(document.querySelectorAll(".ui-tabs-nav a[href^='#tab_id_title_']"))
  .map((link) => [link.dataset.languageCode || null, link.textContent]);
"""
ACTIVE_TAB = """
const active = document.querySelector(".ui-tabs-nav .ui-tabs-active a[href^='#tab_id_title_']");
return active ? active.dataset.languageCode || null : null;
"""
TOOLBAR = """
const bar = document.querySelector(".prose-menubar");
if (!bar || !bar.querySelector("[data-labelled]")) return null;
return Array.from(bar.querySelectorAll("button[title]")).map((button) => button.title);
"""


def log_in_in_swedish(browser, live_server, user):
    client = Client()
    client.force_login(user)
    browser.get(f"{live_server.url}/admin/login/")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": cookie})
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv"})


def test_tabs_show_language_names_and_the_editor_speaks_swedish(
    browser, live_server, transactional_db, django_user_model
):
    page = make_page()
    user = django_user_model.objects.create_superuser("caseworker", password="pw")
    log_in_in_swedish(browser, live_server, user)
    browser.get(f"{live_server.url}/admin/housing_info/page/{page.pk}/change/?language=prs")
    waiting = wait(browser)
    tabs = waiting.until(lambda driver: driver.execute_script(TABS) or None)
    names = dict(tabs)
    assert names["prs"] == "dari"
    assert names["ckb"] == "kurdiska (sorani)"
    assert None not in names and len(names) == len(settings.LANGUAGES)
    # The overview's link (?language=prs) still opens the Dari tab.
    assert waiting.until(lambda driver: driver.execute_script(ACTIVE_TAB)) == "prs"
    titles = waiting.until(lambda driver: driver.execute_script(TOOLBAR))
    assert "fetstil" in titles and "punktlista" in titles
    assert not {"bold", "italic", "unordered list", "undo"} & set(titles)

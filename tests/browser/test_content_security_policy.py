"""The admin and the public pages work under the Content-Security-Policy.

Headless Chromium opens the pages; the console must show no CSP violation, and
the page editor (django-prose-editor) and the language tabs must come alive.
"""

import os
import tempfile

import pytest

from tests.browser.conftest import PHONE_SIZE
from tests.browser.driving import wait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "lösenord för webbläsartest"


@pytest.fixture(scope="module")
def browser(browser):
    """The suite's Chromium at desktop size, for the module: a window resized takes a
    few hundred ms, too long to resize it around every test."""
    browser.set_window_size(1280, 1000)
    yield browser
    browser.set_window_size(*PHONE_SIZE)


@pytest.fixture(autouse=True)
def empty_console(browser):
    """An empty console log to start from, and no cookies or implicit wait left after."""
    browser.implicitly_wait(5)
    browser.get_log("browser")
    yield
    browser.delete_all_cookies()
    browser.implicitly_wait(0)


def csp_violations(browser):
    return [
        entry["message"]
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]
    ]


def log_in(browser, live_server):
    """Log in through the form, and return only once the admin's index has loaded.

    Navigating on while the login's POST is still under way would cancel it and
    leave the browser on the login page: wait for the redirect to finish.
    """
    from selenium.webdriver.common.by import By

    browser.delete_all_cookies()
    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys("caseworker")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    wait(browser, 20).until(
        lambda driver: (
            "/admin/login/" not in driver.current_url
            and driver.find_elements(By.ID, "user-tools")
            and driver.execute_script("return document.readyState") == "complete"
        ),
        "the login did not reach the admin index",
    )


def wait_for(browser, selector, what):
    """The elements matching ``selector`` once a script has made them, or a clear failure."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By

    try:
        return wait(browser, 20).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, selector)
        )
    except TimeoutException:
        console = [entry["message"] for entry in browser.get_log("browser")]
        pytest.fail(f"{what} did not start at {browser.current_url}; console: {console}")


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_superuser("caseworker", "", PASSWORD)


def test_page_editor_loads_without_csp_violations(browser, live_server, caseworker, page):
    from selenium.webdriver.common.by import By

    log_in(browser, live_server)
    browser.get_log("browser")  # forget messages from before the editor
    browser.get(f"{live_server.url}/admin/housing_info/page/{page.pk}/change/")
    assert browser.find_elements(By.ID, "page_form"), "not the page's change form"
    assert wait_for(browser, ".ProseMirror[contenteditable=true]", "the rich text editor")
    assert wait_for(browser, ".ui-tabs-nav", "the language tabs")
    browser.save_screenshot(os.path.join(tempfile.gettempdir(), "portal-admin-editor.png"))
    assert csp_violations(browser) == []


def test_admin_add_page_and_list_have_no_csp_violations(browser, live_server, caseworker, page):
    log_in(browser, live_server)
    browser.get_log("browser")
    for path in ("/admin/", "/admin/housing_info/page/", "/admin/housing_info/page/add/"):
        browser.get(f"{live_server.url}{path}")
        assert csp_violations(browser) == [], path


def test_two_factor_login_page_has_no_csp_violations(browser, live_server, settings):
    settings.ADMIN_REQUIRE_2FA = True
    browser.delete_all_cookies()
    browser.get_log("browser")
    browser.get(f"{live_server.url}/admin/login/")
    assert "otp_token" in browser.page_source
    assert csp_violations(browser) == []


def test_public_pages_have_no_csp_violations(browser, live_server, page):
    browser.get_log("browser")
    for path in ("/", "/ar/", f"/ar/{page.slug}/", f"/ti/{page.slug}/", "/sv/no-such-page/"):
        browser.get(f"{live_server.url}{path}")
        assert csp_violations(browser) == [], path
    browser.save_screenshot(os.path.join(tempfile.gettempdir(), "portal-public-ti.png"))


# The apps around the pages: their public pages and their admin pages.


@pytest.fixture
def app_content(transactional_db):
    """A page with contact points, a glossary word, questions and some answers to count."""
    from smart_answers.models import Answer
    from tests.factories import (
        make_contact_point,
        make_feedback,
        make_page_in,
        make_question,
        make_rule,
        make_term,
    )

    page = make_page_in("ar", "ti", slug="transitional-flat", is_example=True)
    contact = make_contact_point(name_ar="مكتب Boplats Göteborg")
    contact.topics.add(page.topic)
    page.contact_points.add(contact)
    make_term(slug="boplats", term="Boplats", other_forms="boplats")
    status = make_question(slug="status", answers=("assigned", "own-housing"))
    make_rule(conditions=[Answer.objects.get(question=status, slug="assigned")], pages=[page])
    make_feedback(page, comment="لم أفهم مدة العقد.")
    page.title_sv = "Genomgångsbostad (ändrad)"
    page.save()
    return page


def open_without_violations(browser, url):
    browser.get_log("browser")  # forget messages from earlier pages
    browser.get(url)
    return csp_violations(browser)


def test_public_pages_of_the_apps_have_no_csp_violations(browser, live_server, app_content):
    from selenium.webdriver.common.by import By

    page = app_content
    browser.delete_all_cookies()
    paths = [
        "/ar/search/?q=Boplats",
        "/ti/search/?q=nothing",
        "/ar/what-applies-to-me/",
        "/ar/what-applies-to-me/?status=assigned",
        "/ar/what-applies-to-me/?status=nonsense",
        "/ar/glossary/",
        "/ar/contacts/",
        f"/ar/contacts/?topic={page.topic.slug}",
        f"/ar/{page.slug}/",
        f"/ti/{page.slug}/print/",
        f"/ar/{page.slug}/poster/",
        f"/ar/topics/{page.topic.slug}/embed/",
        "/ar/about/accessibility/",
        f"/ar/feedback/{page.slug}/thanks/",
    ]
    for path in paths:
        assert open_without_violations(browser, f"{live_server.url}{path}") == [], path
    # The content page's share block and feedback form, used as a reader would.
    browser.get(f"{live_server.url}/ar/{page.slug}/")
    browser.find_element(By.CSS_SELECTOR, ".feedback__comment summary").click()
    browser.find_element(By.ID, "feedback-comment").send_keys("مفيد جداً")
    browser.find_element(By.CSS_SELECTOR, ".feedback button[value=yes]").click()
    wait(browser).until(lambda driver: "/thanks/" in driver.current_url)
    assert csp_violations(browser) == []
    assert browser.get_cookies() == []


@pytest.fixture
def other_origin(tmp_path):
    """A partner's site on another origin: a static server on a free port of its own."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def partner_page(directory, name, frame_url):
    (directory / name).write_text(
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Partner</title>'
        f'</head><body><iframe src="{frame_url}" title="Boende"></iframe></body></html>',
        encoding="utf-8",
    )


def test_embed_works_inside_another_sites_iframe(browser, live_server, app_content, other_origin):
    from selenium.webdriver.common.by import By

    directory, origin = other_origin
    embed = f"{live_server.url}/ar/topics/{app_content.topic.slug}/embed/"
    assert not embed.startswith(origin)
    partner_page(directory, "embed.html", embed)
    assert open_without_violations(browser, f"{origin}/embed.html") == []
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        assert browser.find_element(By.CSS_SELECTOR, ".embed__title").text
        assert csp_violations(browser) == []
    finally:
        browser.switch_to.default_content()


def frame_refusals(browser, seen):
    """CSP messages about framing, from ``seen`` and the log, waiting up to 20 s for one."""
    from selenium.common.exceptions import TimeoutException

    def refusals(driver):
        seen.extend(csp_violations(driver))
        return [message for message in seen if "frame" in message]

    try:
        return wait(browser, 20).until(refusals)
    except TimeoutException:
        return []


def test_ordinary_pages_refuse_to_be_framed_by_another_site(
    browser, live_server, app_content, other_origin
):
    """The check above can fail: framing any other page is refused, and reported."""
    directory, origin = other_origin
    partner_page(directory, "page.html", f"{live_server.url}/ar/{app_content.slug}/")
    violations = open_without_violations(browser, f"{origin}/page.html")
    # Chromium may log the refusal just after the partner's page has loaded: wait for it.
    framing = frame_refusals(browser, violations)
    assert framing, violations


def test_admin_pages_of_the_apps_have_no_csp_violations(
    browser, live_server, caseworker, app_content, tmp_path
):
    from django.urls import reverse
    from selenium.webdriver.common.by import By

    from feedback.models import PageFeedback
    from glossary.models import Term
    from smart_answers.models import Question, Rule

    page = app_content
    old, new = page.history.order_by("history_id").values_list("history_id", flat=True)[:2]
    paths = [
        reverse("admin:translation_workflow_translationoverview_changelist"),
        reverse("admin:translation_workflow_translationoverview_changelist") + "?language=ar",
        reverse("admin:translation_workflow_export"),
        reverse("admin:translation_workflow_import"),
        reverse("admin:translation_workflow_review", args=[page.pk, "ar"]),
        reverse("admin:housing_info_page_history", args=[page.pk]),
        reverse("admin:housing_info_page_compare", args=[page.pk, old, new]),
        reverse("admin:housing_info_page_simple_history", args=[page.pk, old]),
        reverse("admin:feedback_pagefeedback_changelist"),
        reverse("admin:feedback_pagefeedback_change", args=[PageFeedback.objects.get().pk]),
        reverse("admin:language_demand_languagedemand_changelist"),
        reverse("admin:glossary_term_change", args=[Term.objects.get().pk]),
        reverse("admin:smart_answers_question_change", args=[Question.objects.get().pk]),
        reverse("admin:smart_answers_rule_change", args=[Rule.objects.get().pk]),
        reverse("admin:housing_info_contactpoint_changelist"),
    ]
    log_in(browser, live_server)
    for path in paths:
        assert open_without_violations(browser, f"{live_server.url}{path}") == [], path
        assert browser.find_elements(By.ID, "content"), path
    # An import with problems lists them, under the same policy.
    browser.get(f"{live_server.url}{reverse('admin:translation_workflow_import')}")
    upload = tmp_path / "ar.xlf"
    upload.write_bytes(b"<xliff>not this</xliff>")
    browser.find_element(By.NAME, "file").send_keys(str(upload))
    browser.get_log("browser")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    # The upload's answer, however long it takes (not the implicit wait's 5 s).
    assert wait_for(browser, ".import-problems", "the import's list of problems")
    assert csp_violations(browser) == []
    browser.save_screenshot(os.path.join(tempfile.gettempdir(), "portal-admin-import.png"))

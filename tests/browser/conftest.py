"""Headless Chromium, driven through Selenium, against the running portal.

Browser tests skip when Chromium, its driver or axe-core (``npm ci``) are
missing, except on CI (``CI=true``), where a missing tool is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.axe import AXE_SCRIPT
from tests.browser.driving import clear_viewport

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No page kept for the back button, no fresh renderer frame for every page
    # (RenderDocument): a quarter less work per page loaded (the small-phone tests
    # load some 300), and what a page shows is the same. No test goes back.
    "--disable-features=BackForwardCache,RenderDocument",
)
# A common small phone; the layout must also hold at 360 px.
PHONE_SIZE = (390, 844)


def missing_tools():
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if not AXE_SCRIPT.exists():
        missing.append(f"{AXE_SCRIPT} (run npm ci)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium")
    return missing


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    missing = missing_tools()
    if missing:
        message = "browser tests need: " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size={},{}".format(*PHONE_SIZE))
    # The console log, where Chromium reports Content-Security-Policy violations.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def phone(browser):
    """The browser at phone size, restored after a test that resizes it (the window,
    or the page through ``tests.browser.driving.set_viewport``)."""
    browser.set_window_size(*PHONE_SIZE)
    yield browser
    clear_viewport(browser)
    browser.set_window_size(*PHONE_SIZE)


@pytest.fixture(scope="module")
def committed_demo_portal(django_db_setup, django_db_blocker):
    """The demo content and question flow, committed once for a module, and a live
    server of the module's own that serves them.

    For browser modules whose tests only read the content: loading it and emptying
    the database again for every test (as ``live_server``, through
    ``transactional_db``, does) took two thirds of such a module's time. The
    database is emptied once, after the module's last test, as after a test that
    commits (Django's ``flush``, as ``TransactionTestCase`` does), so those tests are
    handed out with the tests that commit (tests/worker_groups.py) and run among
    them (tests/conftest.py). Each test takes it through ``reading_demo_portal``.
    """
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    from smart_answers.demo_questions import load_demo_questions
    from translation_workflow.services import load_demo_content

    try:
        with django_db_blocker.unblock():
            load_demo_content(Path(__file__).resolve().parents[1] / "data" / "demo_snapshot")
            loaded = load_demo_questions()
            assert not loaded.missing, loaded.missing
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
    finally:
        with django_db_blocker.unblock():
            call_command("flush", verbosity=0, interactive=False)


@pytest.fixture
def reading_demo_portal(committed_demo_portal, db):
    """The module's live server with the demo content (``committed_demo_portal``).

    The test runs in a test transaction as usual (``db``), rolled back after it;
    the server's thread has connections of its own and sees what the module committed.
    """
    return committed_demo_portal

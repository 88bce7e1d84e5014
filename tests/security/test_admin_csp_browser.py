"""The admin and the public pages work under the Content-Security-Policy.

Headless Chromium opens the pages; the console must show no CSP violation, and
the page editor (django-prose-editor) and the language tabs must come alive.
"""

import os
import shutil
import tempfile

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "lösenord för webbläsartest"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
]


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (chromium and driver_path):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromedriver must be installed on CI")
        pytest.skip("chromium or chromedriver is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="portal-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def csp_violations(browser):
    return [
        entry["message"]
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]
    ]


def log_in(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys("caseworker")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "input[type=submit]").click()


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_superuser("caseworker", "", PASSWORD)


def test_page_editor_loads_without_csp_violations(browser, live_server, caseworker, page):
    from selenium.webdriver.common.by import By

    log_in(browser, live_server)
    browser.get_log("browser")  # forget messages from before the editor
    browser.get(f"{live_server.url}/admin/housing_info/page/{page.pk}/change/")
    editors = browser.find_elements(By.CSS_SELECTOR, ".ProseMirror[contenteditable=true]")
    assert editors, "the rich text editor did not start"
    tabs = browser.find_elements(By.CSS_SELECTOR, ".ui-tabs-nav")
    assert tabs, "the language tabs did not start"
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

"""Headless Chromium, driven through Selenium, against the running portal.

Browser tests skip when Chromium, its driver or axe-core (``npm ci``) are
missing, except on CI (``CI=true``), where a missing tool is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.axe import AXE_SCRIPT

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
    """The browser at phone size, restored after a test that resizes it."""
    browser.set_window_size(*PHONE_SIZE)
    yield browser
    browser.set_window_size(*PHONE_SIZE)

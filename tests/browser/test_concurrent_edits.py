"""Two browsers, one page: a save over a newer version is refused and the merge shown."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from housing_info.models import Page
from tests.browser.conftest import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS, PHONE_SIZE
from tests.browser.driving import wait
from tests.browser.test_admin_editor_direction import log_in
from tests.factories import make_page
from translation_workflow.models import TranslatorProfile

pytestmark = pytest.mark.browser

DESKTOP_SIZE = (1280, 1000)
NEW_SOMALI_TITLE = "Guriga ku-meel-gaarka ah"
TYPO_FIX = "Genomgångsbostad (rättad)"


@pytest.fixture
def second_browser(browser, tmp_path):
    """A second Chromium, with its own profile and so its own session."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'second-profile'}")
    options.add_argument("--window-size={},{}".format(*DESKTOP_SIZE))
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_window_size(*DESKTOP_SIZE)
    yield driver
    driver.quit()
    browser.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    browser.set_window_size(*PHONE_SIZE)


def somali_translator(django_user_model):
    user = django_user_model.objects.create_user("translator-so", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="housing_info", codename__in=["view_page", "change_page"]
        )
    )
    TranslatorProfile.objects.create(user=user, languages=["so"])
    return user


def title_field(driver, url, code):
    """The title field of language ``code`` on the page form, its tab chosen."""
    driver.get(url)
    tab = wait(driver, 20).until(
        expected_conditions.element_to_be_clickable(
            (By.CSS_SELECTOR, f'a[href="#tab_id_title_{code}"]')
        )
    )
    tab.click()
    return wait(driver, 20).until(
        expected_conditions.element_to_be_clickable((By.ID, f"id_title_{code}"))
    )


def type_into(field, text):
    field.clear()
    field.send_keys(text)


def save(driver):
    button = driver.find_element(By.CSS_SELECTOR, 'input[name="_save"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()
    wait(driver, 20).until(expected_conditions.staleness_of(button))


def choose_typo_fix(driver):
    answer = driver.find_element(By.CSS_SELECTOR, 'input[name="swedish_change"][value="typo"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", answer)
    if not answer.is_selected():
        answer.click()


def test_an_editors_save_from_an_older_form_is_refused_and_merged(
    browser, second_browser, live_server, transactional_db, django_user_model
):
    page = make_page(title_so="Guri ku meel gaar ah", body_so="<p>Qandaraas labaad.</p>")
    original_swedish_title = page.title_sv
    editor = django_user_model.objects.create_superuser("editor", password="pw")
    url = f"{live_server.url}/admin/housing_info/page/{page.pk}/change/"
    log_in(browser, live_server, editor)
    # The editor works in Swedish, the translator in the browser's English.
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": "sv"})
    log_in(second_browser, live_server, somali_translator(django_user_model))

    # The editor opens the page, then the translator saves a new Somali title.
    swedish_title = title_field(browser, url, "sv")
    type_into(title_field(second_browser, url, "so"), NEW_SOMALI_TITLE)
    save(second_browser)
    wait(second_browser, 20).until(lambda driver: "/change/" not in driver.current_url)
    assert Page.objects.get(pk=page.pk).title_so == NEW_SOMALI_TITLE

    # The editor fixes a Swedish typo in the form opened before that.
    type_into(swedish_title, TYPO_FIX)
    choose_typo_fix(browser)
    save(browser)

    merge = wait(browser, 20).until(
        expected_conditions.visibility_of_element_located((By.ID, "changed-meanwhile"))
    )
    assert "Det här har ändrats sedan du öppnade formuläret" in merge.text
    assert NEW_SOMALI_TITLE in merge.text and TYPO_FIX in merge.text
    stored = Page.objects.get(pk=page.pk)
    assert stored.title_so == NEW_SOMALI_TITLE and stored.title_sv == original_swedish_title
    # The form holds the stored Somali title and the editor's own fix.
    assert browser.find_element(By.ID, "id_title_so").get_property("value") == NEW_SOMALI_TITLE
    assert browser.find_element(By.ID, "id_title_sv").get_property("value") == TYPO_FIX

    choose_typo_fix(browser)
    save(browser)
    wait(browser, 20).until(lambda driver: "/change/" not in driver.current_url)
    stored = Page.objects.get(pk=page.pk)
    assert stored.title_so == NEW_SOMALI_TITLE
    assert stored.title_sv == TYPO_FIX

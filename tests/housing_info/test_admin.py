import pytest
from django.urls import reverse

from housing_info.models import Page
from tests.factories import make_contact_point, make_page, make_pathway_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(page):
    return {
        "topic": page.topic,
        "page": page,
        "contactpoint": make_contact_point(),
        "pathwaystep": make_pathway_step(page=page),
    }


@pytest.mark.parametrize("model", ["topic", "page", "contactpoint", "pathwaystep"])
def test_changelist_and_change_form_open_for_every_model(staff_client, objects, model):
    changelist = staff_client.get(reverse(f"admin:housing_info_{model}_changelist"))
    assert changelist.status_code == 200
    assert str(objects[model]) in changelist.content.decode()
    change = staff_client.get(
        reverse(f"admin:housing_info_{model}_change", args=[objects[model].pk])
    )
    assert change.status_code == 200
    # modeltranslation's per-language fields are on the form.
    assert 'name="' in change.content.decode() and "_ar" in change.content.decode()
    add = staff_client.get(reverse(f"admin:housing_info_{model}_add"))
    assert add.status_code == 200


def test_page_changelist_filters_and_searches(staff_client):
    draft = make_page(published=False, title_sv="Hemförsäkring")
    make_page(published=True, title_sv="Boplats kö")
    url = reverse("admin:housing_info_page_changelist")
    content = staff_client.get(url, {"published__exact": "0"}).content.decode()
    assert draft.title_sv in content and "Boplats kö" not in content
    content = staff_client.get(url, {"q": "Hemförsäkring"}).content.decode()
    assert draft.title_sv in content and "Boplats kö" not in content


def test_caseworker_creates_a_page_and_script_is_stripped(staff_client, page):
    url = reverse("admin:housing_info_page_add")
    data = {
        "title_sv": "Uppsägningstid",
        "summary_sv": "Tre månader är vanligt.",
        "body_sv": '<p>Säg upp i tid.</p><script>alert(1)</script><img src=x onerror="alert(2)">',
        "slug": "notice-period",
        "topic": page.topic.pk,
        "kind": Page.Kind.OBLIGATION,
        "order": 1,
        "published": "on",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = Page.objects.get(slug="notice-period")
    assert created.body_sv == "<p>Säg upp i tid.</p>"


def test_view_on_site_opens_the_public_page(staff_client, page):
    response = staff_client.get(reverse("admin:housing_info_page_change", args=[page.pk]))
    assert (
        "View on site" in response.content.decode()
        or "Visa på webbplats" in response.content.decode()
    )

"""Staff passwords have at least 12 characters (OWASP ASVS L2)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def test_eleven_characters_are_too_few():
    with pytest.raises(ValidationError) as refused:
        validate_password("kvtr9#lm2pq")
    assert [error.code for error in refused.value.error_list] == ["password_too_short"]


def test_twelve_characters_are_enough():
    assert validate_password("kvtr9#lm2pqz") is None


@pytest.mark.django_db
def test_the_admin_refuses_a_short_new_password(admin_client, django_user_model):
    user = django_user_model.objects.create_user(username="amina", password="x" * 20)
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/password/",
        {"password1": "kvtr9#lm2pq", "password2": "kvtr9#lm2pq"},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password("x" * 20)

from django.apps import AppConfig


class PartnerApiConfig(AppConfig):
    # No models, so the admin never shows this app's name.
    name = "partner_api"

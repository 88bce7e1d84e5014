"""Response headers that Django's SecurityMiddleware does not set itself."""

from django.conf import settings


def permissions_policy(features):
    """``{"camera": []}`` becomes ``camera=()``: the feature is off for everyone."""
    return ", ".join(
        f"{feature}=({' '.join(allowed)})" for feature, allowed in sorted(features.items())
    )


class PermissionsPolicyMiddleware:
    """Turn off browser features the portal never uses (camera, location ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response

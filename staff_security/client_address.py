"""The address a login attempt came from, for django-axes.

Behind a load balancer REMOTE_ADDR is the balancer's own address. Set
DJANGO_PROXY_COUNT to the number of proxies in front of the portal that append
to X-Forwarded-For; the client is then the entry that many places from the end.
Entries further left are whatever the client claimed and are not trusted.
"""

from django.conf import settings


def client_address(request):
    proxies = settings.PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")

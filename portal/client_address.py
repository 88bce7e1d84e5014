"""The address a request came from, the one function every part of the portal asks.

Behind a load balancer REMOTE_ADDR is the balancer's own address, and the
reader's is in X-Forwarded-For, to which every proxy appends the address that
connected to it. Anyone can send that header, so it is read only when the
direct peer is a proxy we trust (``TRUSTED_PROXIES``, from
DJANGO_TRUSTED_PROXIES: addresses or CIDR ranges). Then the client is:

- with ``PROXY_COUNT`` (DJANGO_PROXY_COUNT) set, the entry that many places from
  the end: each of the proxies wrote one entry, everything further left is
  what the client claimed (for a CDN whose addresses are not listed);
- otherwise the right-most entry that is not a trusted proxy itself.

A request that did not come through a trusted proxy is its own peer: a forged
header reaching a container directly changes nothing. The feedback rate limit,
the admin's login lockout (django-axes) and anything else that counts per
client use this function.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_networks(values, variable="DJANGO_TRUSTED_PROXIES"):
    """Turn addresses and CIDR ranges into networks; a bad entry names the variable."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{variable}: {value!r} is not an IP address or CIDR range ({error})."
            ) from error
    return tuple(networks)


def _address(text):
    try:
        address = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    # An IPv4 client on an IPv6 socket arrives as ::ffff:a.b.c.d.
    return getattr(address, "ipv4_mapped", None) or address


def _trusted(address, networks):
    return address is not None and any(
        address.version == network.version and address in network for network in networks
    )


def client_address(request):
    """The client's IP address as text, or None when the request has no peer address."""
    peer_text = request.META.get("REMOTE_ADDR") or None
    peer = _address(peer_text or "")
    networks = settings.TRUSTED_PROXIES
    if any(isinstance(network, str) for network in networks):
        # Set as text (e.g. in a test's settings override) rather than parsed.
        networks = parse_networks(networks)
    if not _trusted(peer, networks):
        return str(peer) if peer else peer_text
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return str(peer)
    count = settings.PROXY_COUNT
    if count:
        if len(forwarded) < count:
            # Fewer entries than proxies: the request skipped the outer ones and
            # its left-most entries are its own claims, not a proxy's.
            return str(peer)
        chosen = _address(forwarded[-count])
        return str(chosen) if chosen else str(peer)
    # Right to left: each entry was written by the proxy to its right, so it can
    # be believed as long as that proxy is trusted.
    last_trusted = peer
    for text in reversed(forwarded):
        address = _address(text)
        if address is None:
            # Garbage where an address should be: the hop that wrote it is not
            # a proxy of ours, so the last trusted hop is all we know.
            return str(last_trusted)
        if not _trusted(address, networks):
            return str(address)
        last_trusted = address
    return str(last_trusted)

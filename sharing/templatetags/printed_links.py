"""Template filter for printed pages: each link address once (see sharing.printed_links)."""

from django import template

from sharing.printed_links import mark_written_addresses

register = template.Library()


@register.filter
def addresses_once(body):
    """Mark the links of a page body whose text already is their address."""
    return mark_written_addresses(str(body))

"""Kept for imports written before the function moved to ``portal.client_address``."""

from portal.client_address import client_address

__all__ = ["client_address"]

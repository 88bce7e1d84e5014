"""Form media under the Content-Security-Policy.

The page editor (django-prose-editor) declares its JavaScript modules in an
import map, which browsers only accept inline: ``<script type="importmap">``.
The policy allows no inline script, except one that carries this response's
nonce. This middleware gives the nonce (django-csp's ``request.csp_nonce``) to
form media that has an import map, wherever a form is rendered through a
TemplateResponse (every admin add and change page, of any app), so the editor
works without 'unsafe-inline'. Pages without such media get no nonce, so the
public pages' policy stays plain 'self' and they remain cacheable.
"""

from django import forms
from js_asset import Media


class FormMediaNonceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = response.context_data or {}
        media = context.get("media")
        # A lazy object, false until read: test for presence, not truth.
        nonce = getattr(request, "csp_nonce", None)
        has_importmap = getattr(media, "_importmap", None) is not None
        if isinstance(media, forms.Media) and has_importmap and nonce is not None:
            context["media"] = Media.from_media(media, nonce=str(nonce))
        return response

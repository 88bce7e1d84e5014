"""The "Was this page useful?" form on every page, and its thank-you page."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from feedback import rate_limit
from feedback.forms import FeedbackForm
from feedback.models import PageFeedback
from feedback.origin import is_same_origin
from housing_info.models import Page


# Visitors get no cookies, so there is no CSRF cookie to check. This endpoint is
# anonymous, acts on no one's behalf and can only add an answer without
# identity, so forging it gains an attacker nothing they could not do
# themselves; the Origin/Referer check keeps other sites' forms out, and the
# rate limit bounds what any one connection can add.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request, slug):
    page = get_object_or_404(Page.objects.published(), slug=slug)
    if request.method != "POST":
        # Someone opened the form's address: the form is on the page itself.
        return HttpResponseRedirect(f"{page.get_absolute_url()}#feedback")
    if not is_same_origin(request):
        return render(request, "feedback/not_sent.html", {"page": page}, status=403)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/correct.html", {"page": page, "form": form}, status=400)
    if not rate_limit.allow(request):
        return render(request, "feedback/too_many.html", {"page": page}, status=429)
    PageFeedback.objects.create(
        page=page,
        language=translation.get_language(),
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
    )
    # See other: a reload of the thank-you page does not send the answer again.
    return HttpResponseRedirect(reverse("feedback:thanks", kwargs={"slug": page.slug}), status=303)


@require_safe
def thanks(request, slug):
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "feedback/thanks.html", {"page": page})

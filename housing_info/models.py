"""Housing information: topics, pages, the pathway to a permanent home, contacts.

Text fields are translated per language by django-modeltranslation (registered
in ``translation.py``); Swedish is the source language and always filled in.
Where each language version stands against the Swedish text is kept on the page
itself (``Page.language_versions``), so reading every language's state costs no
query; its types and the rules that change it live in the ``translation_workflow``
app, which this app never imports (an import-linter contract keeps it so): saving
a page through the ORM changes no translation state.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from housing_info.addresses import slug_url
from housing_info.rich_text import BODY_EXTENSIONS, sanitize_body
from page_cache.invalidation import reader_content
from portal.languages import SOURCE_LANGUAGE, TOLD_STATES, ShownIn, fallback_chain, shown_in
from portal.shown_text import MachineTranslatedLanguages, OutdatedTranslationLanguages


@reader_content
class Topic(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("housing_info:topic", self.slug)


@reader_content
class ContactPoint(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    helps_with = models.TextField(_("what they help with"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    url = models.URLField(_("web address"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="contact_points", blank=True
    )
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self):
        return self.name


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_listing(self):
        return self.select_related("topic").order_by("topic__order", "order", "slug")


@reader_content
class Page(models.Model):
    class Kind(models.TextChoices):
        HOUSING_OPTION = "housing_option", _("Housing option")
        RIGHT = "right", _("Right")
        OBLIGATION = "obligation", _("Obligation")
        GUIDANCE = "guidance", _("Guidance")

    # Text a page shows; each is translated per language.
    TEXT_FIELDS = ("title", "summary", "body", "applies_to", "duration", "next_steps")

    slug = models.SlugField(
        _("slug"),
        unique=True,
        help_text=_("Part of the address, the same in every language, e.g. transitional-flat."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GUIDANCE)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), related_name="pages", on_delete=models.PROTECT
    )
    order = models.PositiveSmallIntegerField(_("order within the topic"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), help_text=_("One or two plain sentences: what the page is about.")
    )
    body = ProseEditorField(_("body"), extensions=BODY_EXTENSIONS, sanitize=True, blank=True)
    applies_to = models.TextField(_("who it applies to"), blank=True)
    duration = models.CharField(_("how long it lasts"), max_length=200, blank=True)
    next_steps = models.TextField(_("what to do next"), blank=True)
    contact_points = models.ManyToManyField(
        ContactPoint, verbose_name=_("where to get help"), related_name="pages", blank=True
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published pages are shown to visitors.")
    )
    is_example = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_("Example content, to be reviewed by the City. Not legal advice."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("The date by which the City checks this page again."),
    )
    source_revision = models.PositiveIntegerField(_("Swedish version"), default=1, editable=False)
    source_changed_on = models.DateField(
        _("Swedish text last changed"), default=timezone.localdate, editable=False
    )
    # The Swedish version readers last saw (None: never published); publishing
    # a newer one asks whether its meaning changed (translation_workflow.states).
    published_source_revision = models.PositiveIntegerField(
        _("Swedish version last published"), null=True, blank=True, editable=False
    )
    # {language code: a LanguageVersion as JSON}: written only through
    # translation_workflow.services, read through translation_workflow.versions.
    language_versions = models.JSONField(
        _("language versions"), default=dict, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["topic__order", "order", "slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [
            ("edit_source_text", _("Can write the Swedish text and page settings")),
            ("publish_page", _("Can publish and unpublish pages")),
        ]
        indexes = [
            # The home page's lists: the first published pages of each topic,
            # read in order from the index (housing_info/reader_queries.py).
            models.Index(
                fields=["topic", "order", "slug"],
                condition=models.Q(published=True),
                name="page_published_in_topic_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitize on every save, not only in the admin form: imports and
        # scripts write bodies too.
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            value = getattr(self, field, None)
            if value:
                setattr(self, field, sanitize_body(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("housing_info:page", self.slug)

    def has_text_in(self, code):
        """Whether the page has a title and a body in ``code``.

        A list that reads no bodies says whether there is one as
        ``has_body_<code>`` (``housing_info.reader_queries``).
        """
        has_body = getattr(self, f"has_body_{code}", None)
        if has_body is None:
            has_body = getattr(self, f"body_{code}", "")
        return bool(getattr(self, f"title_{code}", "") and has_body)

    def is_translated_into(self, code, *, preview=False):
        """Whether a reader of ``code`` can read this page in their own language.

        Not when the version is missing, or held back until it is reviewed
        (``preview`` shows staff a held-back version all the same). The
        translation workflow writes ``language_versions``; reading the
        "held back" flag needs none of its rules.
        """
        if not self.has_text_in(code):
            return False
        if code == SOURCE_LANGUAGE or preview:
            return True
        return not (self.language_versions or {}).get(code, {}).get("held_back", False)

    def text_language(self, code=None, *, preview=False):
        """The language whose text a reader of ``code`` is shown."""
        code = code or translation.get_language()
        for candidate in fallback_chain(code):
            if self.is_translated_into(candidate, preview=preview):
                return candidate
        return SOURCE_LANGUAGE

    def text_state(self, code):
        """The stored state of the ``code`` version a reader is told about, or "".

        ``translation_workflow`` writes these states; a reader is told only of
        a machine translation and of an outdated one (``portal.languages``).
        """
        state = (self.language_versions or {}).get(code, {}).get("state", "")
        return state if code != SOURCE_LANGUAGE and state in TOLD_STATES else ""

    def shown_in(self, code=None, *, preview=False):
        """What a reader of ``code`` is shown of this page: language and state (ShownIn)."""
        code = code or translation.get_language()
        language = self.text_language(code, preview=preview)
        return ShownIn(**shown_in(language, code, self.text_state(language)))

    @property
    def shown_language(self):
        """The language a reader in the active language is shown (for listings)."""
        return self.text_language()

    @property
    def shown_title(self):
        return getattr(self, f"title_{self.shown_language}")

    @property
    def shown(self):
        """What a reader in the active language is shown of this page (for listings)."""
        return self.shown_in()

    def text(self, code):
        """The page's text fields in exactly one language, without mixing."""
        return {field: getattr(self, f"{field}_{code}", "") or "" for field in self.TEXT_FIELDS}


@reader_content
class PathwayStep(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        related_name="pathway_steps",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("pathway step")
        verbose_name_plural = _("pathway steps")

    def __str__(self):
        return self.title

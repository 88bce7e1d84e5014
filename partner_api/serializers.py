"""What partners receive: one language's text per record, with where it came from."""

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from housing_info.models import ContactPoint, Page, Topic
from partner_api.text import field_text, is_machine_translation, is_outdated_translation
from portal.shown_text import text_language
from sharing.alternates import real_languages
from sharing.permalinks import absolute_url, page_permalink, topic_permalink
from translation_workflow.versions import TranslationState, translation_state


class LanguageMixin:
    @property
    def language(self):
        return self.context["language"]

    def localized_url(self, obj):
        with translation.override(self.language):
            return absolute_url(obj.get_absolute_url())


class TopicSerializer(LanguageMixin, serializers.ModelSerializer):
    language = serializers.SerializerMethodField(help_text="The language asked for.")
    text_language = serializers.SerializerMethodField(
        help_text="The language of the title; differs from `language` when it fell back."
    )
    is_machine_translation = serializers.SerializerMethodField(
        help_text="Whether the title is a machine translation not yet checked by the City: "
        "say so to your readers."
    )
    is_outdated_translation = serializers.SerializerMethodField(
        help_text="Whether the title was translated from an earlier Swedish text and not "
        "checked since: say so to your readers."
    )
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    permalink = serializers.SerializerMethodField(
        help_text="Language-neutral address: opens in the reader's own language."
    )
    url = serializers.SerializerMethodField(help_text="The topic's page in `language`.")
    embed_url = serializers.SerializerMethodField(
        help_text="The topic's pages in `language` for an iframe on a partner's site."
    )

    class Meta:
        model = Topic
        fields = [
            "slug",
            "language",
            "text_language",
            "is_machine_translation",
            "is_outdated_translation",
            "title",
            "description",
            "permalink",
            "url",
            "embed_url",
        ]

    def get_language(self, topic) -> str:
        return self.language

    def get_text_language(self, topic) -> str:
        return text_language(topic, "title", self.language)

    def get_is_machine_translation(self, topic) -> bool:
        return is_machine_translation(topic, "title", self.language)

    def get_is_outdated_translation(self, topic) -> bool:
        return is_outdated_translation(topic, "title", self.language)

    def get_title(self, topic) -> str:
        return field_text(topic, "title", self.language)

    def get_description(self, topic) -> str:
        return field_text(topic, "description", self.language)

    def get_permalink(self, topic) -> str:
        return topic_permalink(topic)

    def get_url(self, topic) -> str:
        return self.localized_url(topic)

    def get_embed_url(self, topic) -> str:
        with translation.override(self.language):
            return absolute_url(reverse("sharing:topic-embed", kwargs={"slug": topic.slug}))


class PageSerializer(LanguageMixin, serializers.ModelSerializer):
    topic = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    language = serializers.SerializerMethodField(help_text="The language asked for.")
    text_language = serializers.SerializerMethodField(
        help_text="The language of the text fields below."
    )
    is_fallback = serializers.SerializerMethodField(
        help_text="True when the page does not exist in `language` and the text is in "
        "`text_language` instead: tell your readers so."
    )
    translation_state = serializers.SerializerMethodField(
        help_text="Where the `language` version stands against the Swedish source."
    )
    title = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField(help_text="Sanitized HTML.")
    applies_to = serializers.SerializerMethodField()
    duration = serializers.SerializerMethodField()
    next_steps = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField(
        help_text="Every language this page exists in (not counting fallbacks)."
    )
    permalink = serializers.SerializerMethodField(
        help_text="Language-neutral address: opens in the reader's own language."
    )
    url = serializers.SerializerMethodField(help_text="The page in `language`.")
    contact_points = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Page
        fields = [
            "slug",
            "topic",
            "kind",
            "language",
            "text_language",
            "is_fallback",
            "translation_state",
            "title",
            "summary",
            "body",
            "applies_to",
            "duration",
            "next_steps",
            "languages",
            "last_reviewed",
            "created_at",
            "updated_at",
            "permalink",
            "url",
            "contact_points",
        ]

    def text(self, page):
        # One language for every text field of a page, never a mix.
        return page.text(page.text_language(self.language))

    def get_language(self, page) -> str:
        return self.language

    def get_text_language(self, page) -> str:
        return page.text_language(self.language)

    def get_is_fallback(self, page) -> bool:
        return page.text_language(self.language) != self.language

    @extend_schema_field(serializers.ChoiceField(choices=TranslationState.choices))
    def get_translation_state(self, page) -> str:
        return str(translation_state(page, self.language))

    def get_title(self, page) -> str:
        return self.text(page)["title"]

    def get_summary(self, page) -> str:
        return self.text(page)["summary"]

    def get_body(self, page) -> str:
        return self.text(page)["body"]

    def get_applies_to(self, page) -> str:
        return self.text(page)["applies_to"]

    def get_duration(self, page) -> str:
        return self.text(page)["duration"]

    def get_next_steps(self, page) -> str:
        return self.text(page)["next_steps"]

    def get_languages(self, page) -> list[str]:
        return real_languages(page)

    def get_permalink(self, page) -> str:
        return page_permalink(page)

    def get_url(self, page) -> str:
        return self.localized_url(page)


class ContactPointSerializer(LanguageMixin, serializers.ModelSerializer):
    language = serializers.SerializerMethodField(help_text="The language asked for.")
    text_language = serializers.SerializerMethodField(
        help_text="The language of the name; differs from `language` when it fell back."
    )
    is_machine_translation = serializers.SerializerMethodField(
        help_text="Whether the name is a machine translation not yet checked by the City: "
        "say so to your readers."
    )
    is_outdated_translation = serializers.SerializerMethodField(
        help_text="Whether the name was translated from an earlier Swedish text and not "
        "checked since: say so to your readers."
    )
    name = serializers.SerializerMethodField()
    helps_with = serializers.SerializerMethodField()
    opening_hours = serializers.SerializerMethodField()
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = ContactPoint
        fields = [
            "slug",
            "language",
            "text_language",
            "is_machine_translation",
            "is_outdated_translation",
            "name",
            "helps_with",
            "opening_hours",
            "address",
            "phone",
            "email",
            "url",
            "topics",
        ]

    def get_language(self, contact) -> str:
        return self.language

    def get_text_language(self, contact) -> str:
        return text_language(contact, "name", self.language)

    def get_is_machine_translation(self, contact) -> bool:
        return is_machine_translation(contact, "name", self.language)

    def get_is_outdated_translation(self, contact) -> bool:
        return is_outdated_translation(contact, "name", self.language)

    def get_name(self, contact) -> str:
        return field_text(contact, "name", self.language)

    def get_helps_with(self, contact) -> str:
        return field_text(contact, "helps_with", self.language)

    def get_opening_hours(self, contact) -> str:
        return field_text(contact, "opening_hours", self.language)

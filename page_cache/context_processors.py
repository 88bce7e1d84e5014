"""What template fragments ({% cache %}) are keyed by, so none outlives a change.

Every ``{% cache %}`` tag in the templates takes ``fragment_seconds`` as its
lifetime and ``cache_generation`` among the values it varies on:

    {% cache fragment_seconds site_nav cache_generation LANGUAGE_CODE %}

Fragments are kept in each process's memory, but under the shared generation,
so a change saved through any instance is seen in every process's fragments at
once. Without a generation (no cache to reach, or uncommitted changes in this
transaction) the lifetime is 0: the fragment is rendered and not kept.
Both are read when a fragment first asks for them, and once per template render.
"""

from django.core.cache import caches

from page_cache import generation


def fragment_keys(request):
    read = []

    def cache_generation():
        if not read:
            read.append(generation.current())
        return read[0]

    def fragment_seconds():
        if cache_generation() is None:
            return 0
        return caches["template_fragments"].default_timeout

    return {"cache_generation": cache_generation, "fragment_seconds": fragment_seconds}

"""Import: read and check a whole file, then apply it in one transaction, or nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from housing_info.models import Page
from translation_workflow.revisions import language_name
from translation_workflow.roles import exchange_languages
from translation_workflow.services import import_translations
from translation_workflow.versions import TranslationState, language_version, translation_state
from translation_workflow.xliff.checks import (
    check_complete,
    check_languages,
    check_unit,
    parse_problems,
)
from translation_workflow.xliff.format import UNIT_ID, Xliff12File
from translation_workflow.xliff.plan import (
    ImportPlan,
    ImportRejected,
    ImportResult,
    TranslatedUnits,
    UnitOutcome,
)


def read_xliff(data, code, user):
    """Check an XLIFF file completely; an ImportPlan with the targets or the problems."""
    plan = ImportPlan(code=code)
    if code not in exchange_languages(user):
        plan.problems.append(
            _("You may not import translations into %(language)s.")
            % {"language": language_name(code)}
        )
        return plan
    plan.problems = parse_problems(data)
    if plan.problems:
        return plan
    store = Xliff12File.parsestring(data)
    check_languages(store, code, plan)
    units = [unit for unit in store.units if unit.istranslatable()]
    if not units:
        plan.problems.append(_("The file contains no texts to import."))
        return plan
    wanted = {}
    for unit in units:
        local_id = unit.getid().split("\x04")[-1]
        match = UNIT_ID.match(local_id)
        if not match or match["field"] not in Page.TEXT_FIELDS:
            plan.problems.append(
                _("Unit %(unit)s is not a text of this portal.") % {"unit": local_id}
            )
            continue
        wanted[local_id] = (int(match["page"]), match["field"], unit)
    pages = Page.objects.all()
    if transaction.get_connection().in_atomic_block:
        # Importing: the texts compared with the file stay as they are until written.
        pages = pages.select_for_update()
    pages = pages.in_bulk({page_pk for page_pk, _f, _u in wanted.values()})
    for local_id, (page_pk, name, unit) in wanted.items():
        page = pages.get(page_pk)
        if page is None:
            plan.problems.append(
                _("Unit %(unit)s belongs to a page that no longer exists.") % {"unit": local_id}
            )
            continue
        check_unit(plan, page, name, unit, local_id)
    check_complete(plan, pages)
    return plan


def version_after_import(page_import, translated_units):
    """(state, held back) for a page whose units are all finished."""
    if UnitOutcome.MACHINE in page_import.outcomes:
        return TranslationState.MACHINE, False
    if (
        UnitOutcome.TRANSLATED in page_import.outcomes
        and translated_units != TranslatedUnits.UP_TO_DATE
    ):
        return TranslationState.UP_TO_DATE, True
    return TranslationState.UP_TO_DATE, False


@transaction.atomic
def import_xliff(data, code, user, *, hold_back=False, translated_units=TranslatedUnits.REVIEW):
    """Import ``code`` translations from XLIFF bytes, all or nothing.

    Each page's version gets the state its units say (see ``unit_outcome``);
    a page with any unfinished unit is left as it was. ``translated_units``
    says what "translated" units become; ``hold_back`` holds back every
    imported version. Returns an ImportResult per page in the file; raises
    ImportRejected (writing nothing) on any problem.
    """
    plan = read_xliff(data, code, user)
    if plan.problems:
        raise ImportRejected(plan.problems)
    pages = Page.objects.select_for_update().in_bulk(plan.pages)
    results = []
    for page_pk, page_import in plan.pages.items():
        page = pages[page_pk]
        if page_import.unfinished:
            results.append(
                ImportResult(
                    page=page,
                    state=translation_state(page, code),
                    held_back=language_version(page, code).held_back,
                    imported=False,
                    unfinished=page_import.unfinished,
                )
            )
            continue
        state, held = version_after_import(page_import, translated_units)
        # The file's sources equal today's Swedish text: translated from this version.
        import_translations(
            page,
            code,
            page_import.targets,
            state=state,
            held_back=held or hold_back,
            source_revision=page.source_revision,
            user=user,
        )
        results.append(
            ImportResult(
                page=page,
                state=translation_state(page, code),
                held_back=language_version(page, code).held_back,
                imported=True,
                unfinished=[],
            )
        )
    return results

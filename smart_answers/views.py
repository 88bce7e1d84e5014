""" "What applies to me?": one question per screen, then the result, all from the address."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from housing_info.listing import step_items
from search.results import page_results
from smart_answers.flow import questions, result, walk
from smart_answers.texts import shown


@require_safe
def flow(request):
    code = translation.get_language()
    all_questions = list(questions())
    if not all_questions:
        return render(request, "smart_answers/unavailable.html")
    state = walk(request.GET, all_questions)
    given = [
        {
            "question": shown(item.question, "text", code),
            "answer": shown(item.answer, "label", code),
            "change_url": address(request, item.change_query),
        }
        for item in state.given
    ]
    context = {
        "flow": state,
        "given": given,
        # The texts of the answers so far, for the notice that explains their markers.
        "given_told": [text for item in given for text in (item["question"], item["answer"])],
        "start_url": request.path,
    }
    if state.finished:
        outcome = result(state, code)
        steps = step_items(outcome.steps, code)
        context |= {
            "notes": outcome.notes,
            "results": page_results(outcome.pages, code),
            "steps": steps,
            "step_told": [item.told for item in steps],
        }
        return render(request, "smart_answers/result.html", context)
    choices = [
        {"answer": answer, "label": shown(answer, "label", code)} for answer in state.choices
    ]
    context |= {
        "question": state.question,
        "text": shown(state.question, "text", code),
        "hint": shown(state.question, "hint", code),
        "choices": choices,
        "choice_labels": [choice["label"] for choice in choices],
        # The form came back without a choice: say so, in the reader's language.
        "missing_choice": not state.restarted and request.GET.get("asked") == state.question.slug,
        "back_url": address(request, state.back_query) if state.given else None,
    }
    return render(request, "smart_answers/question.html", context)


def address(request, query):
    return f"{request.path}?{query}" if query else request.path

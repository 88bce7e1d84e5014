"""Load the example question flow in ``smart_answers/demo/`` into the database.

``structure.json`` holds the questions, answers and rules with their
conditions and links; ``<language code>.json`` holds their text in one
language. Rules link pages and pathway steps by slug: load the demo content
first (``load_demo_content``); slugs that do not exist are skipped and
reported. Loading again changes nothing unless the files changed.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from housing_info.demo_content import (
    machine_translated,
    read_demo_files,
    set_related,
    translated_values,
    write,
)
from housing_info.models import Page, PathwayStep
from smart_answers.models import Answer, Question, Rule

DEMO_DIR = Path(__file__).resolve().parent / "demo"


@dataclass
class Loaded:
    written: int = 0
    missing: list = field(default_factory=list)


@transaction.atomic
def load_demo_questions(directory=DEMO_DIR):
    """Load or refresh the demo question flow; returns what was written and what is missing."""
    structure, texts = read_demo_files(directory)
    loaded = Loaded()
    answers = {}
    conditions = []

    for item in structure["questions"]:
        values = {
            "order": item["order"],
            "machine_translated": machine_translated(texts, "questions", item["slug"]),
        } | translated_values(texts, "questions", item["slug"], ("text", "hint"))
        question, changed = write(Question, {"slug": item["slug"]}, values)
        loaded.written += changed
        conditions.append((question.ask_if, item.get("ask_if", [])))
        for answer_item in item["answers"]:
            key = f"{item['slug']}:{answer_item['slug']}"
            values = {
                "order": answer_item["order"],
                "machine_translated": machine_translated(texts, "answers", key),
            } | translated_values(texts, "answers", key, ("label",))
            answer, changed = write(
                Answer, {"question": question, "slug": answer_item["slug"]}, values
            )
            loaded.written += changed
            answers[key] = answer
            conditions.append((answer.offer_if, answer_item.get("offer_if", [])))

    for item in structure["rules"]:
        values = {
            "name": item["name"],
            "order": item["order"],
            "machine_translated": machine_translated(texts, "rules", item["slug"]),
        } | translated_values(texts, "rules", item["slug"], ("note",))
        rule, changed = write(Rule, {"slug": item["slug"]}, values)
        loaded.written += changed
        conditions.append((rule.conditions, item.get("conditions", [])))
        loaded.written += set_related(rule.pages, existing(Page, item["pages"], loaded))
        loaded.written += set_related(rule.steps, existing(PathwayStep, item["steps"], loaded))

    # Conditions name answers that may come later in the files: link them last.
    for manager, keys in conditions:
        loaded.written += set_related(manager, [answers[key] for key in keys])
    return loaded


def existing(model, slugs, loaded):
    """The records with these slugs, in order; the missing ones noted in ``loaded``."""
    found = model.objects.in_bulk(slugs, field_name="slug")
    loaded.missing += [f"{model._meta.model_name}:{slug}" for slug in slugs if slug not in found]
    return [found[slug] for slug in slugs if slug in found]

"""How the words a reader types are matched with the words of a page, per language.

Three ways, by what each language has:

- **Stemming** (PostgreSQL's Snowball stemmers: Swedish, English, Arabic,
  Russian): "lägenhet" finds "lägenheter", "очереди" finds "очередь".
- **A dictionary** (Ukrainian, when Debian's hunspell-uk is installed into
  PostgreSQL by ``manage.py install_search_dictionaries``): "оренди" and
  "оренду" are both read as "оренда". Without the files the Ukrainian
  configuration is a copy of ``simple`` and Ukrainian falls back to the next way.
- **Word beginnings** (the others, and SQLite): a longer word is matched by its
  beginning, without its last one or two letters, which are most often an
  ending: "оренди" finds "оренда", "diiwaangelin" finds "diiwaangeliyaa".

Every way matches whole words or their beginnings, never the inside of a word:
"борг" (debt) does not find "Гетеборг".

Swedish names that readers write in their own script ("Boplats" as بوبلاتس or
ቦፕላትስ) are also searched as the Swedish name: ``LOANWORDS``.
"""

from functools import lru_cache

from portal.languages import PORTAL_LANGUAGES
from portal.text_folding import fold

#: Ukrainian: created by search/migrations/0004 as a copy of ``simple``;
#: ``install_search_dictionaries`` maps it to the hunspell dictionary.
UKRAINIAN_CONFIG = "portal_ukrainian"
UKRAINIAN_DICTIONARY = "portal_uk_hunspell"
SIMPLE_CONFIG = "simple"
#: Each language's PostgreSQL configuration: the language table's ``text_search``.
TEXT_SEARCH_CONFIGS = {language.code: language.text_search for language in PORTAL_LANGUAGES}
#: Those that are PostgreSQL's own Snowball stemmers.
SNOWBALL_CONFIGS = {
    code: config
    for code, config in TEXT_SEARCH_CONFIGS.items()
    if config not in (SIMPLE_CONFIG, UKRAINIAN_CONFIG)
}

#: Words at least this long are matched by their beginning without the ending.
TRIM_FROM = 5
# Words this short match only themselves, not as a beginning: "i" or "в" would
# otherwise find nearly every page.
SHORTEST_PREFIX = 3

# Swedish names of places and authorities, and how readers write them in their
# own scripts (common spellings seen in Gothenburg's and Migrationsverket's
# translated material, and phonetic spellings). Each is searched as itself and
# as the Swedish name, which every Swedish and English text uses.
LOANWORDS = {
    "boplats": (
        "بوبلاتس", "بوپلاتس", "بوبلاتز", "بۆپلاتس", "ቦፕላትስ", "ቦፕላጽ", "ቦብላትስ",
        "боплатс", "боплатсі", "boblaats", "booplaats",
    ),
    "göteborg": (
        "غوتنبرغ", "يوتيبوري", "يوتوبوري", "گوتنبرگ", "یوتبوری", "یۆتبۆری", "گۆتنبێرگ",
        "ጎተንበርግ", "ዮተቦሪ", "гетеборг", "ґетеборг", "гётеборг", "yoteboori", "gothenburg",
    ),
    "migrationsverket": (
        "ميغراسيونسفيركت", "میگراسیونسورکت", "ሚግራሲዮንስቨርኬት", "міграційна", "миграционная",
    ),
    "försäkringskassan": (
        "فورساكرينغسكاسان", "فورشيكرينغسكاسان", "فۆرسەکرینگسکاسان", "ፎርሸክሪንግስካሳን",
        "форсекрінгскассан", "форсекрингскассан",
    ),
    "skatteverket": ("سكاتفيركت", "اسکاتەورکت", "سکاتەڤێرکەت", "ስካተቨርኬት", "скаттеверкет"),
    "arbetsförmedlingen": (
        "اربيتسفورميدلينغن", "ئاربێتسفۆرمێدلینگن", "ኣርበትስፎርመድሊንገን", "арбетсфёрмедлинген",
        "арбетсфермедлінген",
    ),
    "personnummer": ("بيرشونوممر", "پرسوننومر", "ፐርሶንኑመር", "персоннуммер", "персонумер"),
    "hyresgästföreningen": ("هيريسييستفورينينغن", "ሂረስየስትፎረኒንገን", "хюресйестфёренинген"),
    "csn": ("سي إس إن", "سیاساِن", "ሲኤስኤን", "цсн"),
}  # fmt: skip

# How far a typed word may run past a loanword's spelling and still be that
# name with an ending ("боплатсі", "بوبلاتسها").
LOANWORD_ENDING = 3

_SPELLINGS = {
    fold(spelling): name for name, spellings in LOANWORDS.items() for spelling in spellings
}


# Each typed word is looked up for every form of the search (every language,
# all words, any word, each word): remembered per process, a pure function.
@lru_cache(maxsize=4096)
def loanword(word):
    """The Swedish name ``word`` spells in another script, or None."""
    folded = fold(word)
    if folded in _SPELLINGS:
        return _SPELLINGS[folded]
    for spelling, name in _SPELLINGS.items():
        if folded.startswith(spelling) and len(folded) - len(spelling) <= LOANWORD_ENDING:
            return name
    return None


def word_beginning(word):
    """What a word is matched by where no stemmer or dictionary knows its forms.

    Its last two letters go from 6 letters on, its last from 5: most endings
    (cases, plurals, possessives) are that long, and stems shorter than four
    letters find too many other words.
    """
    if len(word) >= TRIM_FROM + 1:
        return word[:-2]
    if len(word) == TRIM_FROM:
        return word[:-1]
    return word


def alternatives(word, knows_word_forms, normal=str.lower):
    """The forms ``word`` is searched as: itself (or its beginning) and a Swedish name.

    ``normal`` is how the text it is compared with was written down: in lower
    case by PostgreSQL (which keeps Arabic hamza and madda, Cyrillic й and ї as
    they are), folded without any marks by the plain search.
    """
    word = normal(word)
    forms = [word if knows_word_forms else word_beginning(word)]
    name = loanword(word)
    if name and normal(name) not in forms:
        forms.append(normal(name))
    return forms


def tsquery_text(words, knows_word_forms, operator, shortest_prefix):
    """A ``to_tsquery`` text for ``words``: each word's forms joined by ``operator``.

    A form is matched as a word beginning (``:*``) from ``shortest_prefix``
    letters on, and as a whole word below.
    ``words`` hold only letters, marks and digits (``search.queries.query_words``), so
    nothing in them can be read as a text search operator.
    """
    terms = []
    for word in words:
        forms = [
            f"{form}:*" if len(form) >= shortest_prefix else form
            for form in alternatives(word, knows_word_forms)
        ]
        terms.append(forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")")
    return f" {operator} ".join(terms)


def plain_forms(word):
    """The beginnings a word is matched by on SQLite, which stems nothing."""
    return alternatives(word, knows_word_forms=False, normal=fold)

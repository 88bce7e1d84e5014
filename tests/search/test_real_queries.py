"""Real queries in all twelve languages, each against two states of the same content.

- ``translated``: the pages are written in the reader's language (and in
  Swedish and English);
- ``untranslated``: they exist only in Swedish and English, and the reader's
  language has only the search keywords a caseworker added.

Either way the page a reader means must be among the first three results, and
the Ukrainian "борг" (debt) must not find the page about Гетеборг's housing
queue. Misspellings and the word forms only a stemmer or a dictionary knows
run on PostgreSQL (``postgres``); the rest also on SQLite's plain search.
"""

import pytest

from search.models import PageKeywords
from search.queries import search_pages
from tests.factories import make_page

pytestmark = pytest.mark.django_db

LANGUAGES = ("sv", "en", "ar", "prs", "fa", "ps", "ckb", "kmr", "so", "ti", "uk", "ru")

# Per language: the rent page (title, body), the queue page (title, body) and
# the rent page's keywords. Swedish and English are the source texts.
TEXTS = {
    "sv": (
        "Betala hyran i tid",
        "Hyran betalas i förskott varje månad. Kan du inte betala hyran, kontakta "
        "hyresvärden direkt. En skuld för hyran kan leda till vräkning.",
        "Ställ dig i bostadskön hos Boplats",
        "Registrera dig hos Boplats Göteborg. Ködagarna räknas från dagen du registrerar dig.",
        "hyresskuld, obetald hyra, hyresavi",
    ),
    "en": (
        "Pay your rent on time",
        "Rent is paid in advance every month. If you cannot pay the rent, contact your "
        "landlord at once. Rent arrears can lead to eviction.",
        "Join the housing queue at Boplats",
        "Register with Boplats Göteborg. Queue days count from the day you register.",
        "rent debt, unpaid rent, rent arrears",
    ),
    "ar": (
        "ادفع الإيجار في موعده",
        "يُدفع الإيجار مقدماً كل شهر. إذا لم تستطع دفع الإيجار، اتصل بالمؤجر فوراً. "
        "قد يؤدي الدين إلى الطرد من المسكن.",
        "سجّل في طابور السكن لدى Boplats",
        "سجّل لدى Boplats Göteborg. تُحسب أيام الانتظار من يوم تسجيلك.",
        "الإيجار، دفع الإيجار، دين الإيجار، لا أستطيع الدفع",
    ),
    "prs": (
        "کرایه را به وقت آن بپردازید",
        "کرایه هر ماه پیش‌پرداخت می‌شود. اگر کرایه را پرداخته نمی‌توانید، فوراً با "
        "صاحبخانه تماس بگیرید. قرض کرایه می‌تواند به اخراج از خانه بکشد.",
        "در نوبت خانه در Boplats ثبت نام کنید",
        "در Boplats Göteborg ثبت نام کنید. روزهای نوبت از روز ثبت نام شمرده می‌شود.",
        "کرایه، پرداخت کرایه، قرض کرایه",
    ),
    "fa": (
        "اجاره را به موقع بپردازید",
        "اجاره هر ماه از پیش پرداخت می‌شود. اگر نمی‌توانید اجاره را بپردازید، فوراً با "
        "صاحبخانه تماس بگیرید. بدهی اجاره می‌تواند به تخلیه منجر شود.",
        "در صف مسکن Boplats ثبت نام کنید",
        "در Boplats Göteborg ثبت نام کنید. روزهای صف از روز ثبت نام شمرده می‌شود.",
        "اجاره، پرداخت اجاره، بدهی اجاره",
    ),
    "ps": (
        "کرایه په وخت ورکړئ",
        "کرایه هره میاشت مخکې ورکول کیږي. که کرایه نشئ ورکولی، سمدستي د کور له خاوند "
        "سره اړیکه ونیسئ. د کرایې پور کولی شي د کور څخه د ایستلو لامل شي.",
        "د Boplats د کور په کتار کې ځان ثبت کړئ",
        "په Boplats Göteborg کې ځان ثبت کړئ. د انتظار ورځې د ثبت له ورځې شمېرل کیږي.",
        "کرایه، د کرایې ورکول، د کرایې پور",
    ),
    "ckb": (
        "کرێ لە کاتی خۆیدا بدە",
        "کرێ هەموو مانگێک پێشوەختە دەدرێت. ئەگەر ناتوانیت کرێ بدەیت، یەکسەر پەیوەندی بە "
        "خاوەن ماڵەوە بکە. قەرزی کرێ دەتوانێت ببێتە هۆی دەرکردن.",
        "لە ڕیزی خانووی Boplats خۆت تۆمار بکە",
        "لە Boplats Göteborg خۆت تۆمار بکە. ڕۆژەکانی ڕیز لە ڕۆژی تۆمارکردنەوە دەژمێردرێن.",
        "کرێ، دانی کرێ، قەرزی کرێ، پێشوەختە",
    ),
    "kmr": (
        "Kirêyê di wextê xwe de bide",
        "Kirê her meh ji berê ve tê dayîn. Heke tu nikaribî kirêyê bidî, yekser bi "
        "xwediyê xanî re têkilî dayne. Deynê kirêyê dikare bibe sedema derxistinê.",
        "Xwe li rêza xaniyan a Boplats qeyd bike",
        "Xwe li Boplats Göteborg qeyd bike. Rojên rêzê ji roja qeydkirinê têne hejmartin.",
        "kirê, dayîna kirêyê, deynê kirêyê",
    ),
    "so": (
        "Bixi kirada waqtigeeda",
        "Kirada waxaa la bixiyaa bil kasta horay. Haddii aadan bixin karin kirada, la "
        "xiriir mulkiilaha guriga isla markiiba. Deynta kirada waxay keeni kartaa in "
        "lagaa saaro guriga.",
        "Iska diiwaangeli safka guryaha ee Boplats",
        "Iska diiwaangeli Boplats Göteborg. Maalmaha safka waxaa la tiriyaa maalinta aad "
        "is diiwaangeliso.",
        "kirada, bixinta kirada, deynta kirada",
    ),
    "ti": (
        "ክራይ ብግዜኡ ክፈል",
        "ክራይ ኣቐዲሙ ኣብ ነፍሲ ወከፍ ወርሒ ይኽፈል። ክራይ ክትከፍል እንተ ዘይክኢልካ፡ ብቕልጡፍ "
        "ንወናኒ ገዛ ተወከሶ። ዕዳ ክራይ ካብ ገዛ ናብ ምስጓግ ከብጽሕ ይኽእል።",
        "ኣብ መስርዕ ገዛ Boplats ተመዝገብ",
        "ኣብ Boplats Göteborg ተመዝገብ። መዓልታት መስርዕ ካብ ዝተመዝገብካሉ መዓልቲ ይቑጸራ።",
        "ክራይ፡ ክራይ ምኽፋል፡ ዕዳ ክራይ፡ ክትከፍል",
    ),
    "uk": (
        "Сплачуйте оренду вчасно",
        "Оренда сплачується наперед щомісяця. Якщо ви не можете сплатити оренду, одразу "
        "зверніться до орендодавця. Борг з оренди може призвести до виселення.",
        "Станьте в чергу на житло в Boplats",
        "Зареєструйтеся в Boplats Гетеборг. Дні в черзі рахуються від дня реєстрації.",
        "оренда, сплата оренди, борг з оренди, орендодавець",
    ),
    "ru": (
        "Платите аренду вовремя",
        "Аренда оплачивается заранее каждый месяц. Если вы не можете заплатить аренду, "
        "сразу свяжитесь с арендодателем. Долг по аренде может привести к выселению.",
        "Встаньте в очередь на жильё в Boplats",
        "Зарегистрируйтесь в Boplats Гётеборг. Дни в очереди считаются со дня регистрации.",
        "аренда, оплата аренды, долг по аренде",
    ),
}

RENT, QUEUE = "rent", "queue"

# (language, query, page, runs on SQLite too): what readers type, exactly,
# in another form of the word, misspelt (PostgreSQL only), and Swedish names
# in their own script.
QUERIES = [
    ("sv", "kan inte betala hyran", RENT, True),
    ("sv", "hyresvärdar", RENT, True),  # a form of "hyresvärden"
    ("sv", "betalade", RENT, False),  # Snowball: "betalas"
    ("sv", "registera", QUEUE, False),  # misspelt
    ("sv", "bostadskon", QUEUE, True),  # without ö
    ("en", "cannot pay rent", RENT, True),
    ("en", "paying", RENT, False),  # Snowball: "pay"
    ("en", "landlords", RENT, True),
    ("en", "registr", QUEUE, True),  # cut short
    ("ar", "لا أستطيع دفع الإيجار", RENT, True),
    ("ar", "إيجار", RENT, False),  # Snowball: without the article
    ("ar", "بوبلاتس", QUEUE, True),  # "Boplats" in Arabic script
    ("prs", "کرایه خانه را پرداخته نمی‌توانم", RENT, True),
    ("prs", "کرایه‌ها", RENT, True),
    ("prs", "بوپلاتس", QUEUE, True),
    ("fa", "نمی‌توانم اجاره بدهم", RENT, True),
    ("fa", "اجارها", RENT, True),  # a form typed without its last letter
    ("fa", "بوپلاتس", QUEUE, True),
    ("ps", "کرایه نشم ورکولی", RENT, True),
    ("ps", "کرایې", RENT, True),
    ("ps", "بوپلاتس", QUEUE, True),
    ("ckb", "ناتوانم کرێ بدەم", RENT, True),
    ("ckb", "پێشوەخت", RENT, True),
    ("ckb", "بۆپلاتس", QUEUE, True),
    ("kmr", "nikarim kirê bidim", RENT, True),
    ("kmr", "kirêya", RENT, True),
    ("kmr", "Boplats", QUEUE, True),
    ("so", "ma bixin karo kirada", RENT, True),
    ("so", "kiradii", RENT, True),
    ("so", "kiraada", RENT, False),  # misspelt
    ("so", "Boplats", QUEUE, True),
    ("ti", "ክራይ ክኸፍል ኣይክእልን", RENT, True),
    ("ti", "ክትከፍሉ", RENT, True),
    ("ti", "ቦፕላትስ", QUEUE, True),  # "Boplats" in Ethiopic
    ("uk", "не можу сплатити оренду", RENT, True),
    ("uk", "оренди", RENT, True),  # "оренда", "оренду"
    ("uk", "борг", RENT, True),
    ("uk", "орендодавцю", RENT, True),  # a form of "орендодавця", "орендодавець"
    ("uk", "боплатс", QUEUE, True),
    ("ru", "не могу заплатить аренду", RENT, True),
    ("ru", "аренды", RENT, True),
    ("ru", "долги", RENT, False),  # Snowball: "долг"
    ("ru", "боплатс", QUEUE, True),
]


def make_content(code, translated):
    """The rent and queue pages, translated into ``code`` or only in Swedish and English."""
    pages = {}
    for kind, (title, body) in ((RENT, (0, 1)), (QUEUE, (2, 3))):
        fields = {"slug": f"{kind}-page"}
        for language in LANGUAGES:
            shown = language in ("sv", "en") or (translated and language == code)
            texts = TEXTS[language]
            fields |= {
                f"title_{language}": texts[title] if shown else "",
                f"summary_{language}": "",
                f"body_{language}": f"<p>{texts[body]}</p>" if shown else "",
            }
        pages[kind] = make_page(**fields)
    PageKeywords.objects.create(page=pages[RENT], **{f"keywords_{code}": TEXTS[code][4]})
    # Another page, on another subject, in every language.
    make_page(slug="insurance", title_sv="Hemförsäkring", title_en="Home insurance")
    return pages


def queries(postgres):
    for code, query, kind, on_sqlite in QUERIES:
        if postgres or on_sqlite:
            marks = () if on_sqlite else (pytest.mark.postgres,)
            yield pytest.param(code, query, kind, marks=marks, id=f"{code}-{query}")


def test_the_table_covers_every_language_with_a_sentence_a_form_and_a_name():
    assert {code for code, *_rest in QUERIES} == set(LANGUAGES)
    for code in LANGUAGES:
        kinds = [kind for language, _query, kind, _sqlite in QUERIES if language == code]
        assert kinds.count(RENT) >= 2 and QUEUE in kinds, code


@pytest.mark.parametrize("translated", [True, False], ids=["translated", "untranslated"])
@pytest.mark.parametrize(("code", "query", "kind"), list(queries(postgres=True)))
def test_the_page_a_reader_means_is_among_the_first_three(code, query, kind, translated):
    pages = make_content(code, translated)
    found = search_pages(query, code).pages[:3]
    assert pages[kind] in found, [page.slug for page in found]


@pytest.mark.parametrize("translated", [True, False], ids=["translated", "untranslated"])
def test_a_word_does_not_match_inside_another_word(translated):
    """ "борг" (debt) is the end of "Гетеборг" (Gothenburg), not a word in it."""
    pages = make_content("uk", translated)
    found = search_pages("борг", "uk").pages
    assert pages[QUEUE] not in found
    assert pages[RENT] in found


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_in_the_readers_language_and_in_english_come_in_one_list(code):
    """A page not translated is found beside one that is, each shown in its language."""
    from search.results import page_results

    translated = make_page(
        slug="translated",
        **{f"title_{code}": TEXTS[code][0], f"body_{code}": f"<p>{TEXTS[code][1]}</p>"},
    )
    only_english = make_page(
        slug="only-english",
        **{f"title_{language}": "" for language in LANGUAGES if language not in ("sv", "en")},
        **{f"body_{language}": "" for language in LANGUAGES if language not in ("sv", "en")},
        title_en="The Boplats housing queue",
    )
    query = {"sv": "hyran Boplats", "en": "rent Boplats"}.get(code, f"{TEXTS[code][0]} Boplats")
    results = page_results(search_pages(query, code).pages, code)
    shown = {result.page: result.language for result in results}
    assert shown[translated] == code
    if code != "sv":
        assert shown[only_english] == "en"

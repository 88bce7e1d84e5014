"""Benchmark content: the same realistic pages, grown from 20 to 2,000.

One page of realistic length ("transitional-flat", in Swedish and Arabic, with
contact points) is what the benchmark reads; the rest are shorter pages spread
over the topics. Topics are the site's sections: there are 4 for 20 pages and
12 for 2,000, so the topics grow long rather than numerous. The glossary is
loaded as production loads it (its words are linked in page bodies), and the
Arabic version records the Swedish version it was translated from, as the
translation workflow does (the page then says so, with the date).
"""

from datetime import date

from django.db import connection, transaction

from glossary.seeding import load_glossary
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from page_cache import generation
from translation_workflow.versions import LanguageVersion, TranslationState

TARGET_SLUG = "transitional-flat"
MAX_TOPICS = 12

BODY_SV = """<h2>Vad är en genomgångsbostad?</h2>
<p>En genomgångsbostad är en omöblerad lägenhet som staden hyr av en hyresvärd och hyr ut
till dig i andra hand. Du får ett andrahandskontrakt. Kontraktet gäller i högst fyra år för
vuxna hushåll och i högst fem år för familjer med barn. Du kan inte ta över kontraktet.</p>
<h2>Vad du måste göra</h2>
<ul><li>Betala hyran i tid, i förskott varje månad.</li>
<li>Registrera dig hos Boplats Göteborg direkt när du flyttar in.</li>
<li>Ta hand om lägenheten och berätta för hyresvärden om något går sönder.</li>
<li>Stör inte grannarna.</li><li>Skaffa en hemförsäkring.</li></ul>
<h2>Hjälp du kan få</h2>
<p>Du får stöd av en boendecoach. Coachen hjälper dig att förstå ditt kontrakt, att söka
bostad och att svara på erbjudanden från Boplats. Du kan söka hemutrustningslån hos CSN
för att köpa möbler.</p>
<h2>När tiden tar slut</h2>
<p>Börja söka en egen bostad så tidigt som möjligt. Kötiden hos Boplats är ofta flera år.
Nybyggda och små lägenheter går ofta snabbare. Du kan också hyra av en privat hyresvärd,
hyra i andra hand med hyresvärdens tillstånd eller bo som inneboende.</p>
<p>Köp aldrig ett kontrakt. Det är ett brott. Betala aldrig innan du har skrivit på.</p>"""

BODY_AR = """<h2>ما هو السكن الانتقالي؟</h2>
<p>السكن الانتقالي شقة غير مفروشة تستأجرها البلدية من مالك وتؤجرها لك من الباطن. تحصل على عقد
إيجار من الباطن. يسري العقد أربع سنوات على الأكثر للأسر البالغة وخمس سنوات على الأكثر للأسر
التي لديها أطفال. لا يمكنك أن تأخذ العقد باسمك.</p>
<h2>ما يجب عليك فعله</h2>
<ul><li>ادفع الإيجار في موعده، مقدماً كل شهر.</li>
<li>سجّل في بوبلاتس يوتيبوري فور انتقالك.</li>
<li>اعتنِ بالشقة وأخبر المالك إذا تعطل شيء.</li>
<li>لا تزعج الجيران.</li><li>احصل على تأمين منزلي.</li></ul>
<h2>المساعدة التي يمكنك الحصول عليها</h2>
<p>يساعدك مدرب سكن على فهم عقدك والبحث عن سكن والرد على العروض من بوبلاتس. يمكنك طلب قرض
تجهيز المنزل من CSN لشراء الأثاث.</p>
<h2>عندما ينتهي الوقت</h2>
<p>ابدأ البحث عن سكن خاص بك في أقرب وقت ممكن. مدة الانتظار في بوبلاتس غالباً عدة سنوات.
الشقق الجديدة والصغيرة غالباً أسرع. يمكنك أيضاً الاستئجار من مالك خاص أو الاستئجار من الباطن
بإذن المالك أو السكن كمستأجر غرفة.</p>
<p>لا تشترِ عقداً أبداً. هذا جريمة. لا تدفع أبداً قبل أن توقّع.</p>"""

TOPICS = [
    ("housing-options", "Boendeformer", "أنواع السكن"),
    ("rights", "Dina rättigheter", "حقوقك"),
    ("obligations", "Dina skyldigheter", "واجباتك"),
    ("find-a-home", "Hitta en bostad", "ابحث عن سكن"),
]


def topic_values(number):
    slug, sv, ar = TOPICS[number % len(TOPICS)]
    suffix = "" if number < len(TOPICS) else f"-{number}"
    return {
        "slug": f"{slug}{suffix}",
        "order": number,
        "title_sv": f"{sv}{suffix}",
        "title_en": f"{slug.replace('-', ' ').title()}{suffix}",
        "title_ar": f"{ar}{suffix}",
        "description_sv": "Det här behöver du veta.",
        "description_ar": "ما تحتاج إلى معرفته.",
    }


@transaction.atomic
def generate(pages):
    """Replace all content with ``pages`` published pages."""
    Page.objects.all().delete()
    PathwayStep.objects.all().delete()
    Topic.objects.all().delete()
    ContactPoint.objects.all().delete()

    topics = Topic.objects.bulk_create(
        [Topic(**topic_values(number)) for number in range(min(MAX_TOPICS, max(4, pages // 20)))]
    )
    contacts = ContactPoint.objects.bulk_create(
        [
            ContactPoint(
                slug="boplats",
                name_sv="Boplats Göteborg",
                name_ar="بوبلاتس يوتيبوري",
                helps_with_sv="Bostadskön i Göteborg.",
                helps_with_ar="طابور السكن في يوتيبوري.",
                phone="031-733 30 00",
                address="Första Långgatan 28 B, Göteborg",
                url="https://nya.boplats.se",
            ),
            ContactPoint(
                slug="etableringsenheten",
                name_sv="Etableringsenheten",
                name_ar="وحدة الاستقرار",
                helps_with_sv="Boende och stöd de första åren.",
                helps_with_ar="السكن والدعم في السنوات الأولى.",
                phone="031-365 00 00",
                opening_hours_sv="Måndag–fredag 8–16",
                opening_hours_ar="الاثنين–الجمعة ٨–١٦",
            ),
        ]
    )
    target = Page(
        slug=TARGET_SLUG,
        topic=topics[0],
        kind=Page.Kind.HOUSING_OPTION,
        published=True,
        title_sv="Genomgångsbostad",
        summary_sv="En lägenhet som staden hyr ut till dig i andra hand under några år.",
        body_sv=BODY_SV,
        applies_to_sv="Dig som har anvisats till Göteborg och har bott i mellanboende.",
        duration_sv="Högst 4 år, eller 5 år för familjer med barn.",
        next_steps_sv="Registrera dig hos Boplats i dag.",
        title_ar="السكن الانتقالي",
        summary_ar="شقة تؤجرها لك البلدية من الباطن لبضع سنوات.",
        body_ar=BODY_AR,
        applies_to_ar="لمن تم توجيهه إلى يوتيبوري وسكن في سكن مؤقت.",
        duration_ar="أربع سنوات على الأكثر، أو خمس سنوات للأسر التي لديها أطفال.",
        next_steps_ar="سجّل في بوبلاتس اليوم.",
        language_versions={
            "ar": LanguageVersion(
                state=TranslationState.UP_TO_DATE,
                source_revision=1,
                source_date=date(2026, 3, 2),
            ).to_json()
        },
    )
    filler = [
        Page(
            slug=f"page-{number}",
            topic=topics[number % len(topics)],
            order=number,
            published=True,
            title_sv=f"Sida {number} om boende",
            summary_sv="En kort sammanfattning.",
            body_sv="<p>Text om boende i Göteborg.</p>",
            title_ar=f"صفحة {number} عن السكن",
            summary_ar="ملخص قصير.",
            body_ar="<p>نص عن السكن في يوتيبوري.</p>",
        )
        for number in range(1, pages)
    ]
    created = Page.objects.bulk_create([target, *filler])
    Page.contact_points.through.objects.bulk_create(
        [
            Page.contact_points.through(page_id=created[0].pk, contactpoint_id=contact.pk)
            for contact in contacts
        ]
    )
    PathwayStep.objects.bulk_create(
        [
            PathwayStep(
                slug=f"step-{number}",
                order=number,
                title_sv=f"Steg {number}",
                title_ar=f"الخطوة {number}",
                page=created[number] if number < len(created) else None,
            )
            for number in range(6)
        ]
    )
    load_glossary()
    # A database that has been running has statistics on its tables (autovacuum
    # gathers them); without them PostgreSQL finds a page by its slug by reading
    # every page of its topic.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # bulk_create sends no signals: start a new cache generation by hand.
    generation.bump()
    return created[0]

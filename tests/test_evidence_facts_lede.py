"""The lede's own place and date, in the languages the tool reads, where the profile finds none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dedupe.evidence.events import event_profile
from dedupe.evidence.facts_lede import lede_facts
from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.page_furniture import is_furniture
from dedupe.ingest.build import article_from_text
from dedupe.models import Span

# Invented ledes: the profile keeps no place or date of these (no English event word beside
# the place, the date not in English), the lede states both.
LEDES = [
    ("en", "The foreign minister arrived in Lisbon on Monday for two days of consultations.\n\n"
     "He is expected to discuss trade and fisheries with officials there.", "Lisbon", "2024-05-06"),
    ("fr", "Le ministre des Affaires étrangères est arrivé à Lisbonne le 6 mai 2024 pour deux jours.\n\n"
     "Il doit y discuter de commerce et de pêche avec ses hôtes portugais.", "Lisbon", "2024-05-06"),
    ("es", "El ministro llegó ayer a Lisboa, donde se reunirá con sus homólogos durante dos días.\n\n"
     "Hablarán de comercio y de pesca con las autoridades portuguesas.", None, "2024-05-06"),
    ("de", "Am Montagabend landete der Minister in Porto, wo er zwei Tage bleiben wird.\n\n"
     "Er will dort über Handel und Fischerei mit seinen Gastgebern sprechen.", "Porto", "2024-05-06"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "place", "day"), LEDES, ids=[x[0] for x in LEDES])
def test_the_lede_gives_the_place_and_date_the_profile_missed(
    language: str, text: str, place: str | None, day: str
) -> None:
    article = article_from_text(text, id=language, published=date(2024, 5, 7))
    profile = facts_profile(article)
    assert profile.dates and profile.dates[0].date is not None
    assert profile.dates[0].date.full == date.fromisoformat(day)
    # "Lisbonne" by its French name; Spanish "a" marks objects as often as places ("a Lisboa").
    assert [f.canonical for f in profile.places][:1] == ([place] if place else [])


def test_a_lede_date_far_from_publication_is_background() -> None:
    text = ("Le séisme du 6 février avait fait des milliers de morts; la ville de Hatay se reconstruit.\n\n"
            "Les habitants attendent toujours des logements définitifs.")  # fmt: skip
    article = article_from_text(text, id="bg", published=date(2024, 5, 7))
    assert lede_facts(article).dates  # the lede names it ...
    assert facts_profile(article).dates == ()  # ... but three months before publication it is no event's day


def test_a_weekday_of_no_known_week_ranks_after_a_day_of_a_month() -> None:
    text = "Tras el sismo del sábado, otro sacudió el 11 de octubre la misma provincia del oeste del país."
    dates = facts_profile(article_from_text(text, id="w")).dates
    assert [str(f.date) for f in dates] == ["October 11", "Saturday"]


def test_a_place_before_a_region_word_is_the_region() -> None:
    text = "Rescue teams arrived in Noto Peninsula villages on Tuesday after the quake cut the roads."
    assert [f.canonical for f in lede_facts(article_from_text(text, id="n")).places] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The quake struck in Kagoshima prefecture on Saturday, officials in the region said.",
            ["Kagoshima prefecture"],  # a state-level place in Japan, as its capital is
        ),
        ("Le ministre est arrivé à Pékin lundi pour des entretiens avec son homologue.", ["Beijing"]),
        ("Министр иностранных дел прибыл в Пекине на переговоры с коллегой.", ["Beijing"]),
        ("Il ministro è arrivato a Pechino per i colloqui con il suo omologo cinese.", ["Beijing"]),
        ("La declaración evita condenar a Rusia y llama a la paz en toda la región.", []),
        ("Discussero della guerra in Ucraina durante il vertice dei ministri degli esteri.", []),
        ("La cumbre habló de la guerra de Rusia en Ucrania durante horas con los líderes.", []),
        # No locative: a compass adjective, a kind of place and "of", a province named for its capital.
        ("A strong earthquake shook western Afghanistan early on Sunday, officials said.", ["Afghanistan"]),
        ("The tremor rattled the Turkish city of Antakya shortly after dawn on Monday.", ["Antakya"]),
        ("Rescuers reached three more villages across Herat province by nightfall.", ["Herat province"]),
        ("Rescuers reached three more villages around Elazig city by nightfall.", ["Elazığ"]),
        ("The minister of Ghana thanked the hosts for a warm welcome and a full programme.", []),
    ],
)
def test_lede_places(text: str, expected: list[str]) -> None:
    assert [f.canonical for f in lede_facts(article_from_text(text, id="p")).places] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-07-04 ASTANA – The summit opened with a ceremony for two new members.", ["Astana"]),
        ("New Delhi: The prime minister opened the summit with a speech on trade and debt.", ["New Delhi"]),
        ("By Jane Roe – ATHENS (Marketwire) – The bank president said on Thursday rates stay.", ["Athens"]),
        ("KYOTO--The prime minister arrived on Thursday to prepare for the summit of the group.", ["Kyoto"]),
        ("Séisme violent en Birmanie : au moins cent morts selon les autorités locales.", ["Myanmar"]),
    ],
)
def test_a_dateline_stands_in_for_a_place_after_the_lede_and_never_contradicts(
    text: str, expected: list[str]
) -> None:
    article = article_from_text(text, id="d")
    profile = facts_profile(article)
    assert [f.canonical for f in profile.places] == expected
    # The dateline says where the story was filed; the title before a colon is narrated.
    assert [is_furniture(text, f) for f in profile.places] == [expected != ["Myanmar"]]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le ministre Pierre Durand a tenu lundi une réunion avec son homologue Jan Novak à Prague.\n\n"
         "Les deux hommes ont parlé de commerce."),
        ("it", "È iniziato a Praga il colloquio fra i ministri Pierre Durand e Jan Novak, ha reso noto la "
         "portavoce Anna Rossi.\n\nIl colloquio è durato due ore."),
    ],
)  # fmt: skip
def test_the_lede_names_who_the_lead_met_in_any_language_not_who_announced_it(
    language: str, text: str
) -> None:
    article = article_from_text(text, id=language, language=language, published=date(2024, 5, 7))
    assert [f.canonical for f in facts_profile(article).participants] == ["Pierre Durand", "Jan Novak"]


def test_a_province_named_for_its_capital_is_in_the_capitals_country_above_its_cities() -> None:
    (fact,) = lede_facts(
        article_from_text("Rescuers searched villages across Herat province all day.", id="h")
    ).places
    assert fact.place is not None
    assert (fact.place.kind, fact.place.country) == ("state", "AF")


def test_a_title_abbreviation_before_a_surname_is_the_same_participant() -> None:
    text = (
        "FM Lavrov arrived on Monday.\n\nSergey Lavrov met with his counterpart Wang Yi on Monday in Beijing."
    )
    article = article_from_text(text, id="fm")
    profile = event_profile(article)
    fm = replace(profile.participants[0], value="FM Lavrov", canonical="FM Lavrov", span=Span(0, 9))
    given = replace(profile, participants=(*profile.participants, fm))
    names = [f.canonical for f in facts_profile(article, profile=given).participants]
    assert names == ["Sergey Lavrov", "Wang Yi"]  # and not "FM Lavrov" beside "Sergey Lavrov"


def _event_place(text: str, language: str = "en") -> str | None:
    """The place ``facts_profile`` gives first for an invented report, or None."""
    profile = facts_profile(article_from_text(text, id="t", published=date(2024, 5, 6), language=language))
    return profile.places[0].place.name if profile.places and profile.places[0].place else None


# Openings whose lede places nothing: the next sentences' located town or state places the
# event; a country there, a place in reported speech or of last year's meeting does not.
LATER_PLACES = [
    ("town", "en", "The central bank's governor warned that prices would stay high for months.\n\n"
     "Markets fell sharply in the hour after the remarks were published.\n\n"
     "She spoke to students and teachers for an hour about jobs and rents.\n\n"
     "Several of the students asked her about the cost of their housing.\n\n"
     "The governor gave the talk at a college in Atlanta before a crowd of several hundred.", "Atlanta"),
    ("state", "de", "Die Rakete hat nach einem Jahr Pause wieder den Weltraum erreicht.\n\n"
     "Beobachter verfolgten den Flug von den Stränden der Umgebung aus.\n\n"
     "Die Firma sprach von einem großen Erfolg für das ganze Team.\n\n"
     "Die Rakete hob am frühen Morgen von einem Startplatz im US-Bundesstaat Texas ab.", "Texas"),
    ("country", "en", "The president gave his yearly address to both houses of parliament.\n\n"
     "He spoke for nearly two hours about the economy and the army.\n\n"
     "The audience applauded several times during the speech.\n\n"
     "Thousands of his soldiers are still stationed in Ukraine.", None),
    ("reported", "en", "The president gave his yearly address to both houses of parliament.\n\n"
     "He spoke for nearly two hours about the economy and the army.\n\n"
     "The audience applauded several times during the speech.\n\n"
     "The speaker claimed that ministers in Lisbon had drafted new grain tariffs.", None),
    ("summit-it", "it", "I leader hanno approvato un testo comune sulla sicurezza alimentare.\n\n"
     "Il vertice di Lisbona si è chiuso con un impegno per la pace.", "Lisbon"),
    ("summit-es", "es", "Los líderes aprobaron un texto común sobre seguridad alimentaria.\n\n"
     "La cumbre de Lisboa terminó con un compromiso de paz.", "Lisbon"),
    ("last-year", "es", "La declaración final fue aprobada por todos los miembros sin debate.\n\n"
     "El texto fue más suave que el aprobado en la reunión del año pasado en Lisboa.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "language", "text", "place"), LATER_PLACES, ids=[c[0] for c in LATER_PLACES]
)
def test_a_later_sentence_places_an_event_its_lede_does_not(
    case: str, language: str, text: str, place: str | None
) -> None:
    assert _event_place(text, language) == place

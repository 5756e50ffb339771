"""Speaker attribution (speaker_resolution, with the frames of speakers) in the ways real news copy
writes it (issue 19), one test per class.

Each case is a short invented report; each class has a near miss where the speaker must
stay unknown or must not be the one the rule would wrongly pick.
"""

from __future__ import annotations

from dedupe.models import Article
from dedupe.quotes.extract import Quote, extract_quotes
from dedupe.quotes.speaker import UNKNOWN


def _quotes(text: str, language: str = "en") -> tuple[Quote, ...]:
    return extract_quotes(Article(id="t", text=text, language=language))


def test_a_quotation_after_a_colon_paragraph_is_the_issuers() -> None:
    text = (
        "The Northern Rail Safety Administration, which licensed the line, issued a statement:\n\n"
        "“No passenger was hurt when the train stopped near Valdren.\n\n"
        "“The line will reopen on Monday.”"
    )
    [quote] = _quotes(text)
    assert quote.canonical_speaker == "Northern Rail Safety Administration"
    assert quote.speaker_kind == "institution"


def test_an_acronym_in_brackets_does_not_cut_off_the_body_before_it() -> None:
    text = "KESTREL — The Valdren Space Agency (VSA) has issued this statement:\n\n“The probe landed.”"
    [quote] = _quotes(text)
    assert quote.canonical_speaker == "Valdren Space Agency"


def test_a_colon_paragraph_naming_nobody_gives_no_speaker() -> None:
    text = "Update at noon:\n\n“The probe landed and sent its first picture.”"
    [quote] = _quotes(text)
    assert quote.canonical_speaker == UNKNOWN


def _titled(title: str, body: str, language: str = "en") -> tuple[Quote, ...]:
    text = f"{title}\n\n{body}"
    return extract_quotes(Article(id="t", text=text, title=title, language=language))


def test_a_title_gives_its_quotation_to_the_name_before_its_colon() -> None:
    quotes = _titled(
        "Mara Velde en la cumbre de Kestrel: “No firmaremos este acuerdo”",
        "La ministra Mara Velde habló el lunes ante los delegados en Kestrel.",
        "es",
    )
    assert quotes[0].kind == "headline"
    assert quotes[0].canonical_speaker == "Mara Velde"


def test_a_title_gives_its_quotation_to_its_own_frame() -> None:
    quotes = _titled(
        "El cohete cayó al mar; “la prueba nos dio muchos datos”, precisó Orbitalia al terminar",
        "La empresa Orbitalia lanzó el cohete el sábado desde su base en la costa.",
        "es",
    )
    assert quotes[0].kind == "headline"
    assert quotes[0].canonical_speaker == "Orbitalia"


def test_a_title_naming_two_people_or_an_owner_before_its_colon_gives_no_speaker() -> None:
    for title in (
        "Mara Velde and Jonas Lindqvist: “We have a deal”",
        "Mara Velde’s gamble: “A deal by spring”",
    ):
        quotes = _titled(title, "The talks in Kestrel went on until late on Monday.")
        assert quotes[0].kind == "headline"
        assert quotes[0].canonical_speaker == UNKNOWN, title


def test_a_body_named_after_an_article_speaks_in_other_languages() -> None:
    [quote] = _quotes("« Les prix ont encore monté en mars », écrit la BKV dans son rapport.", "fr")
    assert quote.canonical_speaker == "BKV"
    assert quote.speaker_kind == "institution"


def test_a_common_noun_after_an_article_is_no_body() -> None:
    [quote] = _quotes("„Der Test hat uns viele Daten gegeben“, teilte das Unternehmen am Abend mit.", "de")
    assert quote.canonical_speaker == UNKNOWN


def test_a_bodys_people_speak_for_it() -> None:
    [quote] = _quotes(
        "Tras dos horas de pruebas, los técnicos de la AEK han confirmado que “la sonda funciona”.", "es"
    )
    assert quote.canonical_speaker == "AEK"
    [quote] = _quotes("VSA engineers said the probe was “sending pictures again” on Monday.")
    assert quote.canonical_speaker == "VSA"


def test_a_nations_people_are_no_body() -> None:
    [quote] = _quotes("Valdrenian officials said the probe was “sending pictures again” on Monday.")
    assert quote.canonical_speaker == UNKNOWN


def test_the_agent_of_a_passive_frame_is_the_speaker() -> None:
    [quote] = _quotes(
        "Le sommet a été qualifié de « grand succès » par la présidente Mara Velde lors de la clôture.", "fr"
    )
    assert quote.canonical_speaker == "Mara Velde"
    [quote] = _quotes("The deal was described as “a turning point” by Mara Velde on Monday.")
    assert quote.canonical_speaker == "Mara Velde"


def test_by_a_time_is_no_agent() -> None:
    [quote] = _quotes("The deal was described as “a turning point” by the end of the week.")
    assert quote.canonical_speaker == UNKNOWN


def test_a_verb_first_frame_reaches_the_name_past_its_object() -> None:
    [quote] = _quotes(
        "«Estamos muy agradecidos por su apoyo», reaccionó a los medios de comunicación "
        "el portavoz del gobierno de Kestrel, Tomás Arnau.",
        "es",
    )
    assert quote.canonical_speaker == "Tomás Arnau"


def test_according_to_in_other_languages() -> None:
    [quote] = _quotes("Según Mara Velde, “el puente estará listo en marzo”.", "es")
    assert quote.canonical_speaker == "Mara Velde"
    [quote] = _quotes("« Le pont sera prêt en mars », selon Mara Velde.", "fr")
    assert quote.canonical_speaker == "Mara Velde"


def test_according_to_which_names_nobody() -> None:
    [quote] = _quotes("El texto cita una norma según la cual “ningún puente cierra de noche”.", "es")
    assert quote.canonical_speaker == UNKNOWN


def test_they_stand_for_the_body_whose_people_opened_the_sentence_before() -> None:
    text = (
        "KSC leaders have called on all states to “keep the river open” this week.\n"
        "In a joint communique, they called on all states “to stop dredging near the delta.”"
    )
    quotes = _quotes(text)
    assert [q.canonical_speaker for q in quotes] == ["KSC", "KSC"]
    assert quotes[1].speaker == "they"


def test_they_after_two_countries_stand_for_nobody() -> None:
    text = (
        "Valdren and Kestrel signed the river treaty on Monday.\n"
        "In a joint communique, they called on all states “to stop dredging near the delta.”"
    )
    [quote] = _quotes(text)
    assert quote.canonical_speaker == UNKNOWN


def test_a_dropped_subject_after_a_document_is_the_documents_issuer() -> None:
    text = (
        "La declaración final del KSC, publicada el sábado, no mencionó la presa.\n\n"
        "Dijo que los miembros reiteraron sus posiciones.\n\n"
        "“Todos los estados deben proteger el río”, afirmó."
    )
    [quote] = _quotes(text, "es")
    assert quote.canonical_speaker == "KSC (declaración)"


def test_a_body_whose_people_open_the_sentence_speaks_its_quotation() -> None:
    [quote] = _quotes("KSC allies confined themselves only to stating that “the delta stays open.”")
    assert quote.canonical_speaker == "KSC"


def test_a_document_in_an_absolute_clause_speaks_its_quotation() -> None:
    text = (
        "Mara Velde spoke for an hour, with the Kestrel Summit declaration referring to the dam "
        "as a “cause for profound concern”."
    )
    [quote] = _quotes(text)
    assert quote.canonical_speaker == "Kestrel Summit declaration"
    assert quote.speaker_kind == "institution"


def test_an_absolute_clause_naming_nobody_gives_no_speaker() -> None:
    [quote] = _quotes(
        "Mara Velde spoke for an hour, with many calling the dam a “cause for profound concern”."
    )
    assert quote.canonical_speaker == UNKNOWN


def test_a_name_after_a_body_and_its_role_is_not_the_body() -> None:
    [quote] = _quotes(
        "The rocket flew for nine minutes. “A perfect liftoff,” said Orbitalia commentator John Brackett, "
        "noting that all engines fired."
    )
    assert quote.canonical_speaker in ("John Brackett", UNKNOWN)


def test_a_body_after_the_verb_then_a_time_is_the_body() -> None:
    [quote] = _quotes("The rocket flew for nine minutes. “A perfect liftoff,” said Orbitalia on Monday.")
    assert quote.canonical_speaker == "Orbitalia"


def test_a_countrys_body_is_named_by_its_demonym() -> None:
    [quote] = _quotes("According to Ukraine’s defence ministry, the talks will cover “the grain corridor”.")
    assert quote.canonical_speaker == "Ukrainian defence ministry"


def test_a_bodys_body_keeps_its_owner() -> None:
    [quote] = _quotes("According to the UN’s refugee agency, the camps hold “more than they can”.")
    assert quote.canonical_speaker == "UN’s refugee agency"


def test_a_chinese_paragraph_that_ends_a_sentence_is_no_title() -> None:
    text = "凯斯特雷尔举行会谈\n\n部长在会谈时指出，两国关系“很稳定”，双方同意继续合作。"
    quotes = _quotes(text, "zh")
    assert [q.kind for q in quotes] == ["fragment"]


def test_a_short_chinese_line_without_a_stop_is_a_title() -> None:
    text = "部长称两国关系“很稳定”并举行会谈\n\n双方同意继续合作。"
    quotes = _quotes(text, "zh")
    assert [q.kind for q in quotes] == ["headline"]


def test_a_lone_common_word_before_officials_names_no_body() -> None:
    [quote] = _quotes("Agency officials said the probe was “sending pictures again” on Monday.")
    assert quote.canonical_speaker == UNKNOWN


def test_the_declaration_opening_a_sentence_is_the_one_named_before() -> None:
    text = (
        "Leaders adopted the Kestrel Summit Declaration on Friday. The declaration runs to ten pages.\n\n"
        "“The river belongs to all,” the declaration said, noting the dam."
    )
    [quote] = _quotes(text)
    assert quote.canonical_speaker == "Kestrel Summit Declaration"

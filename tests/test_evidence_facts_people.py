"""Tests for dedupe.evidence.facts_people: who the facts view says took part, on invented reports."""

from __future__ import annotations

import dataclasses

from dedupe.evidence.facts_people import bare_name, written_as_person
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text


def participants(text: str, language: str = "en") -> list[tuple[str, str]]:
    article = dataclasses.replace(article_from_text(text, id=language), language=language)
    return [(f.canonical, f.role) for f in facts_profile(article).participants]


def test_a_russian_titles_genitive_is_no_part_of_the_name() -> None:
    text = (
        "Министр иностранных дел России Сергей Орлов прибыл в Минск с визитом.\n\n"
        "Орлов проведет переговоры в среду."
    )
    assert participants(text, "ru") == [("Сергей Орлов", "protagonist")]


def test_names_without_a_titles_words_stay_whole() -> None:
    assert bare_name("Ким Чен Ын") == "Ким Чен Ын"
    assert bare_name("Анна Петрова") == "Анна Петрова"
    assert bare_name("Jean-Claude Marot Vidal") == "Jean-Claude Marot Vidal"


def test_a_name_opening_on_a_locative_gives_way_to_the_person() -> None:
    text = (
        "В Кремле заявили, что визит пройдет по плану.\n\n"
        "Пресс-секретарь президента Дмитрий Орехов сообщил об этом журналистам во вторник."
    )
    assert participants(text, "ru") == [("Дмитрий Орехов", "protagonist")]


def test_a_unit_after_a_count_is_no_person() -> None:
    text = (
        "Der Start der Rakete endete nach rund drei Minuten Schluss: die Rakete explodierte.\n\n"
        "Rund 90 Minuten sollte der Flug dauern, sagte SpaceX-Gründer Karl Brenner am Abend."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_date_before_a_name_is_no_count() -> None:
    text = "date 2023-11-18 Karl Brenner ran the test.\n\nOn 12 May Karl Brenner spoke again."
    assert written_as_person(text, "Karl Brenner")
    assert not written_as_person("It flew 148 Kilometer Höhe.", "Kilometer Höhe")


def test_an_abstract_noun_heading_is_no_person() -> None:
    text = (
        "Zusammenfassung Heute gelang der erste Start der Rakete.\n\n"
        "Karl Brenner sprach am Abend von einem Erfolg."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_a_gatherings_name_is_no_person() -> None:
    assert not written_as_person("Cumbre Mundial por la Paz comenzó el lunes.", "Cumbre Mundial")
    assert written_as_person("Tomás Ibarra habló el lunes.", "Tomás Ibarra")


def test_a_reporters_byline_never_stands_in_for_the_lead() -> None:
    text = "By Nora Vale\n\nZusammenfassung Heute gelang der erste Start der Rakete.\n\nDie Rakete flog weit."
    assert participants(text, "de") == []


def test_the_other_side_written_in_full_where_the_entity_rules_missed_it() -> None:
    text = (
        "Foreign Minister Arun Malhotra held talks with Foreign Minister of Norway Tomas Berg "
        "in Delhi on Monday.\n\n"
        "The ministers discussed trade. Mr Tomas Berg thanked his host."
    )
    assert participants(text) == [("Arun Malhotra", "participant"), ("Tomas Berg", "met")]


def test_a_greeting_given_in_person_names_the_other_side() -> None:
    text = (
        "Valdorian President Marek Hollis opened the summit on Thursday, congratulating Ostrian President "
        "Ivo Lanner on his country's entry.\n\nThe summit ends on Friday."
    )
    assert participants(text) == [("Marek Hollis", "protagonist"), ("Ivo Lanner", "met")]


def test_a_spokesperson_who_announces_the_talks_takes_no_part() -> None:
    text = (
        "Valdorian President Marek Hollis arrived in Oslo on Thursday, "
        "the ministry's spokesman Pavel Rusk said.\n\n"
        "Rusk said Hollis would hold talks with Ivo Lanner on Friday."
    )
    assert participants(text) == [("Marek Hollis", "protagonist"), ("Ivo Lanner", "met")]


def test_a_name_only_inside_a_quotation_is_no_person() -> None:
    text = '"We are sending the data to Tomas Berg first," said agency official Rina Okada.'
    assert not written_as_person(text, "Tomas Berg")
    assert written_as_person(text, "Rina Okada")


def test_a_straight_quote_closes_a_curly_one() -> None:
    text = '“Dear guests, the decision has been made," Valdorian President Marek Hollis announced.'
    assert written_as_person(text, "Marek Hollis")


def test_an_embedded_posts_signature_is_no_participant() -> None:
    text = (
        "The lander touched down on the moon on Friday.\n\n"
        "Proud of the team. — Arun Malhotra (@arunmalhotra) July 14, 2031"
    )
    assert not written_as_person(text, "Arun Malhotra")
    assert participants(text) == []


def test_a_correspondent_and_the_late_take_no_part() -> None:
    reporter = "Саммит открылся в среду, передает корреспондент агентства Анна Зорина."
    assert not written_as_person(reporter, "Анна Зорина")
    late = "The programme was first announced in 2003 by the then prime minister, the late Ravi Sen."
    assert not written_as_person(late, "Ravi Sen")
    assert written_as_person("Prime Minister Ravi Sen watched the launch on Friday.", "Ravi Sen")


def test_a_related_storys_teaser_is_no_participant() -> None:
    text = (
        "El presidente habló el martes ante la asamblea en Nueva York.\n\n"
        "LEA TAMBIÉN | Tomás Ibarra ganó el torneo de Lisboa\n\n"
        "El discurso duró media hora."
    )
    assert not written_as_person(text, "Tomás Ibarra")
    assert written_as_person("Tomás Ibarra ganó el torneo de Lisboa.", "Tomás Ibarra")


def test_the_leads_own_sentence_lists_whom_it_met_with_whole_names() -> None:
    text = (
        "The summit opened in Valdor on Tuesday.\n\n"
        "Valdorian President Marek Hollis greeted the guests at the palace.\n\n"
        "The host held many meetings on the first day. Hollis met with Dana Quill, head of the Harbour "
        "Bank, Ostrian President Ivo Lanner and Egyptian President Abdel Karim el-Masri."
    )
    assert participants(text) == [
        ("Marek Hollis", "participant"),
        ("Dana Quill", "met"),
        ("Ivo Lanner", "met"),
        ("Abdel Karim el-Masri", "met"),
    ]


def test_the_other_side_named_by_surname_in_the_lede() -> None:
    text = (
        "Foreign Minister Arun Malhotra warmly congratulated Berg on his award as their talks began.\n\n"
        "Norwegian Foreign Minister Tomas Berg arrived in Delhi on Monday."
    )
    assert participants(text) == [("Arun Malhotra", "participant"), ("Tomas Berg", "met")]


def test_a_meeting_the_sentence_does_not_tie_to_the_lead_is_another() -> None:
    text = (
        "Foreign Minister Tomas Berg will arrive in Delhi on Monday. We are pleased to welcome Mr Berg.\n\n"
        "Meetings between President Ivo Lanner and President Dana Quill always give impetus to our ties."
    )
    assert participants(text) == [("Tomas Berg", "protagonist")]


def test_a_pronoun_ties_the_meeting_to_the_lead() -> None:
    text = (
        "Foreign Minister Tomas Berg arrived in Delhi on Monday.\n\n"
        "During his visit, he will meet with his Indian colleague Arun Malhotra."
    )
    assert participants(text) == [("Tomas Berg", "protagonist"), ("Arun Malhotra", "met")]


def test_a_heading_and_a_german_count_are_no_person() -> None:
    text = (
        "Zweiter Versuch\n\n"
        "Neun Minuten vor dem Start wurde der Countdown gestoppt.\n\n"
        "Karl Brenner gratulierte dem Team am Abend."
    )
    assert participants(text, "de") == [("Karl Brenner", "protagonist")]


def test_an_english_or_dutch_ten_is_no_count() -> None:
    assert written_as_person("Coach Erik ten Hag said the team played well.", "Erik ten Hag")


def test_who_joined_or_attended_the_gathering_takes_part() -> None:
    text = (
        "Alliance Secretary General Ola Brekke closed the summit in Valdor on Thursday.\n\n"
        "In the afternoon Ostrian President Ivo Lanner joined allied leaders for a meeting.\n\n"
        "The leaders attending the summit include Prime Minister Dana Quill and Premier Marek Hollis.\n\n"
        "Quill spoke first. President Tomas Berg of Norland arrived late.\n\n"
        "Dana Quill, Tomas Berg and other leaders attend the dinner in Valdor."
    )
    assert participants(text) == [
        ("Ola Brekke", "protagonist"),
        ("Ivo Lanner", "participant"),
        ("Dana Quill", "participant"),
        ("Marek Hollis", "participant"),
        ("Tomas Berg", "participant"),
    ]


def test_who_attended_another_occasion_takes_no_part() -> None:
    text = (
        "Alliance Secretary General Ola Brekke closed the summit in Valdor on Thursday.\n\n"
        "In 2019 Ostrian President Ivo Lanner attended the summit in Rome."
    )
    assert participants(text) == [("Ola Brekke", "protagonist")]


def test_a_marian_given_name_or_surname_is_no_abstract_noun() -> None:
    spanish = (
        "La ministra Trinidad Ibarra se reunió con su homólogo Omar Vidal en Rabat el lunes.\n\n"
        "Ibarra habló de comercio."
    )
    assert written_as_person(spanish, "Trinidad Ibarra")
    assert written_as_person("A ministra Assunção Matos falou na segunda-feira.", "Assunção Matos")
    assert written_as_person("La presidenta María Concepción Ruiz habló el lunes.", "María Concepción Ruiz")


def test_an_abstract_noun_beside_a_name_word_is_still_no_person() -> None:
    assert not written_as_person("Exploração Aeroespacial\n\nO foguete subiu.", "Exploração Aeroespacial")
    assert not written_as_person("Actualidad Ibarra\n\nEl cohete subió.", "Actualidad Ibarra")


def test_a_day_before_a_month_or_a_models_number_is_no_count() -> None:
    month = "Prime Minister Dana May met President Ivo Lanner in Valdor on 5 May.\n\nMay spoke of trade."
    assert written_as_person(month, "Dana May")
    model = "Pilot Max Fielding flew the Boeing 737 Max from Valdor on Monday.\n\nFielding said it went well."
    assert written_as_person(model, "Max Fielding")


def test_a_count_at_a_sentences_start_is_still_a_count() -> None:
    assert not written_as_person(
        "Der Flug endete. Rund 90 Minuten Flugzeit waren geplant.", "Minuten Flugzeit"
    )
    assert not written_as_person("Die 90 Minuten Flugzeit waren geplant.", "Minuten Flugzeit")


GATHERING = (
    "Prime Minister Dana Quill opened the summit in Valdor on Monday.\n\n{}\n\nThe talks end on Tuesday."
)


def test_who_did_not_attend_takes_no_part() -> None:
    for sentence in (
        "Ostrian President Ivo Lanner did not attend the summit.",
        "Ostrian President Ivo Lanner declined to attend.",
        "Ostrian President Ivo Lanner will not attend, his office said.",
        "Le président Ivo Lanner n'a pas participé au sommet.",
    ):
        assert participants(GATHERING.format(sentence)) == [("Dana Quill", "protagonist")], sentence


def test_who_the_sentence_does_not_say_attended_takes_no_part() -> None:
    for sentence in (
        "The forum, attended by 300 delegates, was organised by businessman Ivo Lanner's foundation.",
        "The speech was written by Ivo Lanner, who joined her office as an adviser.",
        "Ostria joined Norland in condemning the attack, President Ivo Lanner said in a statement.",
    ):
        assert participants(GATHERING.format(sentence)) == [("Dana Quill", "protagonist")], sentence


def test_who_a_passive_names_as_attending_takes_part() -> None:
    sentence = "The dinner was attended by Ostrian President Ivo Lanner and Premier Marek Hollis."
    assert participants(GATHERING.format(sentence)) == [
        ("Dana Quill", "protagonist"),
        ("Ivo Lanner", "participant"),
        ("Marek Hollis", "participant"),
    ]


def test_a_german_nouns_ending_on_a_name_outside_german_text_is_no_abstract_noun() -> None:
    text = "Prime Minister Dana Quill met Senator Ann Hartung in Valdor on Monday.\n\nHartung spoke of trade."
    assert written_as_person(text, "Ann Hartung", "en")
    assert not written_as_person("Zur Zündung kam es nicht.", "Zur Zündung", "de")
    assert not written_as_person("Zur Zündung kam es nicht.", "Zur Zündung")


def test_a_name_joined_to_the_lead_in_the_lede_takes_part() -> None:
    text = (
        "President Tomas Varga and Prime Minister Elin Dahl signed a trade pact in Oslo on Monday.\n\n"
        "The pact lowers tariffs on fish and timber, officials said."
    )
    assert [name for name, _ in participants(text)] == ["Tomas Varga", "Elin Dahl"]


def test_an_apposition_between_the_joined_names_is_read_through() -> None:
    text = (
        "Ana Ruiz, presidenta de Arvelia, y Pedro Gil, presidente de Toreno, firmaron un acuerdo "
        "el lunes.\n\n"
        "El acuerdo entra en vigor en enero."
    )
    assert [name for name, _ in participants(text, "es")] == ["Ana Ruiz", "Pedro Gil"]


def test_a_name_the_lede_does_not_join_to_the_lead_is_not_taken() -> None:
    text = (
        "President Tomas Varga signed a trade pact in Oslo on Monday, praising Elin Dahl for her work.\n\n"
        "The pact lowers tariffs on fish and timber, officials said."
    )
    assert [name for name, _ in participants(text)] == ["Tomas Varga"]


def test_those_met_at_bilateral_meetings_take_part() -> None:
    text = (
        "Picture: Tomas Varga waves to the press in Oslo on May 18.\n\n"
        "OSLO--Tomas Varga landed in the capital on May 18 for the summit.\n\n"
        "That evening Varga was to hold bilateral meetings with President Joe Brand, "
        "Chancellor Elin Dahl and Premier Ruth Keller."
    )
    names = [name for name, _ in participants(text)]
    assert "Elin Dahl" in names and "Ruth Keller" in names


def test_a_name_written_inside_a_kept_one_is_that_person() -> None:
    text = (
        "O presidente Tomas Varga visitou o líder Kim Sun-Ho em Oslo na segunda-feira.\n\n"
        "Já Kim Sun-Ho disse que o acordo é histórico."
    )
    names = [name for name, _ in participants(text, "pt")]
    assert len(names) == 2 and names[0] == "Tomas Varga" and names[1].endswith("Kim Sun-Ho")


def test_a_month_after_a_name_is_no_surname() -> None:
    text = "Varga Sept 14 2023\n\nThe central bank held its rate, Tomas Varga told reporters."
    assert [name for name, _ in participants(text)][:1] == ["Varga"]


def test_who_received_the_lead_takes_part() -> None:
    text = (
        "Arrivée mardi à Oslo, Elin Dahl a été reçue par le Premier ministre Tomas Varga dans la soirée.\n\n"
        "La visite doit durer trois jours."
    )
    assert [name for name, _ in participants(text, "fr")] == ["Elin Dahl", "Tomas Varga"]


def test_a_title_set_off_by_commas_before_the_joined_name_is_read_through() -> None:
    text = (
        "El lunes, la ministra de Arvelia, Ana Ruiz, y el primer ministro de Toreno, Pedro Gil, "
        "expresaron optimismo sobre el comercio.\n\n"
        "Las conversaciones duraron dos días."
    )
    assert [name for name, _ in participants(text, "es")] == ["Ana Ruiz", "Pedro Gil"]


def test_whom_the_lead_was_not_to_meet_takes_no_part() -> None:
    text = (
        "Finance Minister Tomas Varga is meeting Friday with Premier Elin Dahl in Oslo.\n\n"
        "Varga was not expected to meet with President Ruth Keller, officials said."
    )
    names = [name for name, _ in participants(text)]
    assert "Elin Dahl" in names and "Ruth Keller" not in names
    assert "Ruth Keller" in [
        name for name, _ in participants(text.replace("was not expected", "was expected"))
    ]


def test_a_lead_the_lede_never_names_gives_way_to_the_ledes_person() -> None:
    text = (
        "The central bank raised its key rate to the highest level in years.\n\n"
        "Despite the weak economy, policymakers led by Governor Anna Roth voted on Thursday to raise "
        "the rate.\n\n"
        '"The bank is taking a big risk," said the head of the Institute for Economics, Karl Brenner, '
        "in an interview."
    )
    assert [name for name, _ in participants(text)] == ["Anna Roth"]


def test_the_host_and_those_who_came_along_take_part() -> None:
    text = (
        "President Tomas Varga signed the declaration in Oslo on Sunday.\n\n"
        "Prime Minister Elin Dahl, who hosted the summit in her hometown, praised the result.\n\n"
        "Varga was greeted at the airport by officials, including Deputy Minister Ruth Keller and "
        "Envoy Jon Brandt."
    )
    names = [name for name, _ in participants(text)]
    assert names[0] == "Tomas Varga"
    assert {"Elin Dahl", "Ruth Keller", "Jon Brandt"} <= set(names)


def test_who_went_together_with_the_lead_takes_part() -> None:
    text = (
        "Il presidente Tomas Varga ha visitato oggi, insieme al primo ministro Elin Dahl, il museo "
        "di Oslo.\n\n"
        "I due hanno deposto una corona."
    )
    assert [name for name, _ in participants(text, "it")] == ["Tomas Varga", "Elin Dahl"]


def test_a_host_of_another_year_takes_no_part() -> None:
    text = (
        "President Tomas Varga signed the declaration in Oslo on Sunday.\n\n"
        "Prime Minister Elin Dahl, who hosted the summit last year, did not comment."
    )
    assert "Elin Dahl" not in [name for name, _ in participants(text)]


def test_another_pairs_between_and_a_meeting_not_scheduled_take_no_part() -> None:
    text = (
        "Finance Minister Tomas Varga met Premier Elin Dahl in Oslo on Friday.\n\n"
        "A meeting with President Ruth Keller was not scheduled, officials said.\n\n"
        "Varga's visit follows the agreement between Keller and President Jon Brandt to improve ties."
    )
    names = [name for name, _ in participants(text)]
    assert names == ["Tomas Varga", "Elin Dahl"]


def test_talks_between_the_lead_and_another_still_count() -> None:
    text = "Talks between Tomas Varga and Elin Dahl ended in Oslo on Friday.\n\nThe two agreed to meet again."
    assert [name for name, _ in participants(text)] == ["Tomas Varga", "Elin Dahl"]


def test_between_alone_is_no_meeting_of_the_leads() -> None:
    text = (
        "Finance Minister Tomas Varga arrived in Oslo on Friday.\n\n"
        'Varga said President Jon Brandt "asked me to deepen ties between our two countries."'
    )
    assert [name for name, _ in participants(text)] == ["Tomas Varga"]

"""Tests for dedupe.quotes.match: quote groups across the seeds (TRUTH.md) and the audit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dedupe.ingest.build import article_from_text
from dedupe.models import Article
from dedupe.quotes.cognates import cognate_agreement
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.match import QuoteGroup, audit_quotes, match_quotes, pair_quote_groups
from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_match import compatible, name_matches
from dedupe.text.tokens import tokenize

SAME_EVENT = {"000", "001", "004"}  # TRUTH.md: the Sept 2022 talks; 002 and 003 are other events
Signature = frozenset[tuple[str, str, bool]]


def same_event(a: str, b: str) -> bool:
    return a == b or {a[:3], b[:3]} <= SAME_EVENT


def signature(group: QuoteGroup) -> Signature:
    """The group as (article, first words, quoted) per rendering, repeated renderings counted once."""
    return frozenset(
        (r.article_id[:3], " ".join(t.text for t in tokenize(r.text)[:2]), r.quoted) for r in group.renderings
    )


def shared(groups: tuple[QuoteGroup, ...]) -> dict[Signature, QuoteGroup]:
    return {signature(g): g for g in groups if len(g.articles) > 1}


GROUP_1 = frozenset(
    {
        ("000", "the policy", True),
        ("001", "unconditional priority", True),
        ("001", "strengthening of", True),
        ("004", "comprehensive partnership", True),
    }
)
GROUP_2 = frozenset({("001", "expand information", True), ("004", "expand information", True)})
CORE_INTERESTS = frozenset({("001", "core interests", True), ("004", "core interests", True)})
BALANCED = frozenset({("001", "balanced", True), ("004", "balanced", True)})
CONCERNS = frozenset({("001", "concerns", True), ("004", "concerns", True)})
NO_LIMITS = frozenset({("000", "no limits", True), ("001", "no limits", True)})
STRONG_SUPPORT = frozenset({("001", "strong support", False), ("004", "strong support", True)})
CROSS_ARTICLE = {GROUP_1, GROUP_2, CORE_INTERESTS, BALANCED, CONCERNS, NO_LIMITS, STRONG_SUPPORT}


@pytest.fixture(scope="module")
def groups(seeds: dict[str, Article]) -> dict[Signature, QuoteGroup]:
    return shared(match_quotes(list(seeds.values())))


@pytest.mark.parametrize("event", [None, same_event], ids=["any-event", "same-event"])
def test_cross_article_groups_are_exactly_truths(
    seeds: dict[str, Article], event: Callable[[str, str], bool] | None
) -> None:
    # Precision as much as recall: no other group spans articles, whether or not the
    # caller says which articles report the same event.
    assert set(shared(match_quotes(list(seeds.values()), same_event=event))) == CROSS_ARTICLE


def test_group_1_is_patrushev_and_flags_absolute_unconditional_unreserved(
    groups: dict[Signature, QuoteGroup],
) -> None:
    group = groups[GROUP_1]
    assert group.speaker == "Nikolai Patrushev"
    assert group.consistency == "differs"
    swaps = {(d.reference_text, d.rendering_text) for d in group.differences if d.kind == "substitution"}
    assert ("unconditional", "absolute") in swaps
    assert ("unconditional", "unreserved") in swaps


def test_group_1_translation_joins_only_through_speaker_and_event(seeds: dict[str, Article]) -> None:
    apart = match_quotes(list(seeds.values()), same_event=lambda a, b: a == b)
    reduced = GROUP_1 - {("000", "the policy", True)}
    assert set(shared(apart)) == {reduced, GROUP_2}
    relations = {r.article_id[:3]: r.relation for r in match_quotes(list(seeds.values()))[1].renderings}
    assert relations == {"000": "translation", "001": "reference", "004": "verbatim"}


def test_group_2_flags_exchanges_to_sharing_and_004s_truncation(groups: dict[Signature, QuoteGroup]) -> None:
    group = groups[GROUP_2]
    kinds = {(d.kind, d.reference_text, d.rendering_text, d.article_id[:3]) for d in group.differences}
    assert ("substitution", "exchanges", "sharing", "004") in kinds
    truncated = [d for d in group.differences if d.kind == "truncation"]
    assert [d.reference_text for d in truncated] == [
        "in order to derail independent policies of Russia and China serving their national interests"
    ]
    assert len(group.differences) == 2


@pytest.mark.parametrize(
    "key", [CORE_INTERESTS, BALANCED, CONCERNS], ids=["core interests", "balanced", "concerns"]
)
def test_group_3_consistent_fragments_are_not_flagged(
    groups: dict[Signature, QuoteGroup], key: Signature
) -> None:
    group = groups[key]
    assert group.differences == ()
    assert group.consistency in ("identical", "trivial")


def test_group_4_no_limits_hyphen_and_period_are_not_a_difference(
    groups: dict[Signature, QuoteGroup],
) -> None:
    group = groups[NO_LIMITS]
    assert sorted(r.text for r in group.renderings) == ["no limits", "no-limits."]
    assert (group.consistency, group.differences) == ("trivial", ())


def test_group_5_strong_support_matches_unquoted_text(
    seeds: dict[str, Article], groups: dict[Signature, QuoteGroup]
) -> None:
    group = groups[STRONG_SUPPORT]
    [plain] = [r for r in group.renderings if not r.quoted]
    assert plain.article_id == seeds["001"].id and plain.quote is None
    assert plain.span.slice(seeds["001"].text) == "strong support"
    assert seeds["001"].text[plain.span.start - 11 : plain.span.end] == "Xi pledged strong support"
    assert plain.speaker == group.speaker == "Xi Jinping"


@pytest.mark.parametrize(
    ("key", "prefix"),
    [
        ("000", "The interlocutors"),
        ("000", "Mutual interest"),
        ("004", "In the current circumstances"),
        ("002", ""),
        ("003", ""),
    ],
    ids=str,
)
def test_group_6_single_outlet_quotations_have_no_counterpart(
    seeds: dict[str, Article], key: str, prefix: str
) -> None:
    groups = match_quotes(list(seeds.values()))
    mine = [
        g
        for g in groups
        if any(r.article_id == seeds[key].id and r.text.startswith(prefix) for r in g.renderings)
    ]
    assert mine
    assert all(g.articles == (seeds[key].id,) and g.consistency == "single" for g in mine)


def test_every_rendering_span_slices_its_text(seeds: dict[str, Article]) -> None:
    texts = {a.id: a.text for a in seeds.values()}
    for group in match_quotes(list(seeds.values())):
        for rendering in group.renderings:
            assert rendering.span.slice(texts[rendering.article_id]) == rendering.text
        for difference in group.differences:
            reference = group.renderings[group.reference]
            if difference.reference_span is not None and difference.kind != "attribution_conflict":
                assert (
                    difference.reference_span.slice(texts[reference.article_id]) == difference.reference_text
                )
            if difference.rendering_span is not None and difference.kind != "attribution_conflict":
                assert (
                    difference.rendering_span.slice(texts[difference.article_id]) == difference.rendering_text
                )


def test_patrushev_spellings_are_one_canonical_speaker(seeds: dict[str, Article]) -> None:
    renderings = [r for g in match_quotes(list(seeds.values())) for r in g.renderings if r.quote is not None]
    patrushev = {
        r.quote.speaker for r in renderings if r.speaker == "Nikolai Patrushev" and r.quote is not None
    }
    assert {"Patrushev", "Nikolai Patrushev", "the Russian security chief", "Putin’s close ally"} <= patrushev
    assert not any("Nikolay" in r.speaker for r in renderings)


def test_group_ids_are_stable_and_in_order_of_first_appearance(seeds: dict[str, Article]) -> None:
    articles = list(seeds.values())
    first, again = match_quotes(articles), match_quotes(articles)
    assert first == again
    assert [g.id for g in first] == [f"q{n}" for n in range(1, len(first) + 1)]
    starts = [(articles.index(next(a for a in articles if a.id == g.renderings[0].article_id)),
               g.renderings[0].span.start) for g in first]  # fmt: skip
    assert starts == sorted(starts)


def test_pair_groups_are_those_spanning_both(seeds: dict[str, Article]) -> None:
    assert pair_quote_groups(seeds["000"], seeds["002"]) == ()
    assert pair_quote_groups(seeds["002"], seeds["003"]) == ()
    assert set(shared(pair_quote_groups(seeds["001"], seeds["004"]))) == {
        GROUP_1 - {("000", "the policy", True)}, GROUP_2, CORE_INTERESTS, BALANCED, CONCERNS, STRONG_SUPPORT,
    }  # fmt: skip
    assert set(shared(pair_quote_groups(seeds["000"], seeds["001"]))) == {
        frozenset({("000", "the policy", True), ("001", "unconditional priority", True),
                   ("001", "strengthening of", True)}),
        NO_LIMITS,
    }  # fmt: skip


def test_pair_groups_reuse_quotations_already_extracted(seeds: dict[str, Article]) -> None:
    a, b = seeds["001"], seeds["004"]
    extracted = {a.id: extract_quotes(a), b.id: extract_quotes(b)}
    assert pair_quote_groups(a, b, quotes=extracted) == pair_quote_groups(a, b)


# --- matching rules on small articles of our own --------------------------------------------


def article(key: str, text: str) -> Article:
    return article_from_text(text, id=key)


MAYOR = "Mayor Lena Fischer opened the session."
PLEDGE = "We will build three new schools and two hospitals before the winter"


def test_attribution_conflict_when_the_same_words_go_to_different_speakers() -> None:
    a = article("a", f"{MAYOR}\n\n“{PLEDGE},” Fischer said.")
    b = article("b", f"Council member Otto Brandt spoke first.\n\n“{PLEDGE},” Brandt said.")
    [group] = match_quotes([a, b])
    [conflict] = group.differences
    assert (conflict.kind, conflict.reference_text, conflict.rendering_text) == (
        "attribution_conflict", "Lena Fischer", "Otto Brandt",
    )  # fmt: skip
    assert conflict.rendering_span is not None and conflict.rendering_span.slice(b.text) == "Brandt said"


def test_no_attribution_conflict_for_an_office_of_the_same_person() -> None:
    a = article("a", f"{MAYOR}\n\n“{PLEDGE},” Fischer said.")
    b = article("b", f"{MAYOR}\n\nFischer’s office said the city would “{PLEDGE.lower()}”.")
    [group] = match_quotes([a, b])
    assert group.differences == () and group.consistency == "trivial"


def test_wording_differences_are_classed() -> None:
    a = article("a", f"{MAYOR}\n\n“{PLEDGE},” Fischer said.")
    b = article(
        "b", f"{MAYOR}\n\n“We will build three schools and two modern hospitals before winter,” Fischer said."
    )
    [group] = match_quotes([a, b])
    kinds = sorted((d.kind, d.reference_text or d.rendering_text) for d in group.differences)
    assert kinds == [("insertion", "modern"), ("omission", "new"), ("omission", "the")]


def test_unrelated_quotations_by_one_speaker_stay_apart() -> None:
    a = article("a", f"{MAYOR}\n\n“{PLEDGE},” Fischer said.")
    b = article(
        "b",
        f"{MAYOR}\n\n“The harbour tunnel will stay closed until the inspectors are satisfied,” Fischer said.",
    )
    assert [len(g.articles) for g in match_quotes([a, b])] == [1, 1]


def test_a_lone_word_matches_only_in_agreeing_sentences() -> None:
    a = article("a", f"{MAYOR}\n\nFischer praised the “balanced” budget for the schools.")
    b = article("b", f"{MAYOR}\n\nFischer praised the “balanced” budget, which funds the schools.")
    c = article("c", "Critics called the referee “balanced” after the match in Leeds.")
    assert [g.articles for g in match_quotes([a, b, c])] == [("a", "b"), ("c",)]


def test_a_short_phrase_unquoted_elsewhere_needs_the_same_speaker() -> None:
    a = article("a", f"{MAYOR}\n\nFischer promised “free buses” for pupils.")
    b = article("b", f"{MAYOR}\n\nFischer said the city will run free buses for pupils.")
    c = article("c", "Rival candidate Paul Meyer wants free buses for pupils.")
    [group] = match_quotes([a, b, c])
    assert [(r.article_id, r.quoted, r.speaker) for r in group.renderings] == [
        ("a", True, "Lena Fischer"), ("b", False, "Lena Fischer"),
    ]  # fmt: skip


def test_a_long_statement_is_aligned_only_where_its_word_pairs_are(monkeypatch: pytest.MonkeyPatch) -> None:
    import dedupe.quotes.unquoted

    statement = "the harbour will reopen to cargo ships before the winter storms arrive"
    a = article("a", f"{MAYOR}\n\n“{statement.capitalize()},” Fischer said.")
    b = article("b", f"{MAYOR}\n\nFischer said {statement}.")
    scrambled = " ".join(reversed(statement.split()))  # every word, none of the pairs
    c = article("c", f"{MAYOR}\n\nA poem read {scrambled}.")
    calls: list[str] = []
    align = dedupe.quotes.unquoted.fuzz.partial_ratio_alignment

    def counted(statement: str, target: str, **options: float) -> object:
        calls.append(target)
        return align(statement, target, **options)

    monkeypatch.setattr(dedupe.quotes.unquoted.fuzz, "partial_ratio_alignment", counted)
    [group] = [g for g in match_quotes([a, b, c]) if len(g.renderings) > 1]
    assert [(r.article_id, r.quoted) for r in group.renderings] == [("a", True), ("b", False)]
    assert len(calls) == 1 and "harbour will reopen" in calls[0]  # c was never aligned


# --- the audit ---------------------------------------------------------------------------


def test_audit_counts_and_filters(seeds: dict[str, Article]) -> None:
    articles = list(seeds.values())
    audit = audit_quotes(articles)
    assert (audit.quote_count, audit.group_count, audit.shared_groups, audit.differing_groups) == (
        34,
        21,
        7,
        2,
    )
    assert audit.articles == tuple(a.id for a in articles)
    differing = audit_quotes(articles, only_differences=True)
    assert [signature(g) for g in differing.groups] == [GROUP_1, GROUP_2]
    patrushev = audit_quotes(articles, speaker="Patrushov")
    assert patrushev.groups and all(g.speaker == "Nikolai Patrushev" for g in patrushev.groups)
    statement = audit_quotes(articles, speaker="statement")
    assert [g.speaker for g in statement.groups] == ["Security Council of Russia (statement)"] * 2


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [("patrushev", "Nikolai Patrushev", True), ("Nikolay Patrushev", "Nikolai Patrushev", True),
     ("Patrushov", "Nikolai Patrushev", True), ("statement", "Security Council of Russia (statement)", True),
     ("li", "Nikolai Patrushev", False), ("Xi", "Yang Jiechi", False)],
    ids=str,
)  # fmt: skip
def test_speaker_filter_is_fuzzy_but_not_loose(query: str, name: str, expected: bool) -> None:
    assert name_matches(query, name) is expected


def test_packed_bodies_unpack_to_the_tokens_of_each_body(seeds: dict[str, Article]) -> None:
    from dedupe.quotes.links import Body
    from dedupe.quotes.packed import PackedBodies

    articles = list(seeds.values())
    packed = PackedBodies(articles)
    assert len(packed) == len(articles)
    assert [packed[k] for k in range(len(articles))] == [Body.of(a) for a in articles]
    assert packed[1:3] == [Body.of(a) for a in articles[1:3]]


def test_the_audit_is_the_same_when_free_words_are_forgotten_and_remade(
    seeds: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dedupe.quotes.unquoted

    articles = list(seeds.values())
    kept = audit_quotes(articles, same_event=same_event)
    monkeypatch.setattr(dedupe.quotes.unquoted, "CACHED_ARTICLES", 1)
    remade = audit_quotes(articles, same_event=same_event)
    assert remade == kept
    assert any(not r.quoted for g in remade.groups for r in g.renderings)  # unquoted search ran


# One statement in two languages: the same speaker, and its common words kept as cognates.
VACCINE_EN = (
    "Mayor Lena Fischer visited the clinic.\n\n"
    "“The vaccination programme is a historic success for the hospitals,” Fischer said."
)
VACCINE_ES = (
    "La alcaldesa Lena Fischer visitó la clínica y habló con los médicos del barrio.\n\n"
    "“El programa de vacunación es un éxito histórico para los hospitales”, dijo Fischer."
)
OTHER_ES = (
    "La alcaldesa Lena Fischer visitó la clínica y habló con los médicos del barrio.\n\n"
    "“Las escuelas de la ciudad abrirán en septiembre con nuevos profesores”, dijo Fischer."
)


def test_a_translation_joins_its_original_through_speaker_and_cognates() -> None:
    a, b = article("a", VACCINE_EN), article("b", VACCINE_ES)
    assert (a.language, b.language) == ("en", "es")
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_another_statement_of_the_speaker_in_another_language_stays_apart() -> None:
    a, b = article("a", VACCINE_EN), article("b", OTHER_ES)
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


def test_a_translation_by_another_speaker_stays_apart() -> None:
    other = VACCINE_ES.replace("Lena Fischer", "Otto Brandt").replace("dijo Fischer", "dijo Brandt")
    a, b = article("a", VACCINE_EN), article("b", other)
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("NATO (declaration)", "OTAN (déclaration)", True),
        ("EU", "UE (statement)", True),
        ("NATO", "NATO (communiqué)", True),
        ("NATO", "ANTOS", False),
        ("PSO", "VTU", False),
        ("Lena Fischer", "Fischer (office)", True),
        ("Bürgermeisterin Lena Fischer", "Lena Fischer", True),
        ("Otto Lena Fischer", "Anna Fischer", False),
    ],
    ids=str,
)
def test_a_body_s_acronym_in_two_languages_is_one_speaker(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected


# A short statement retranslated: too few lemmas to share five, most of them shared.
CLINIC = "Mayor Lena Fischer opened the session.\n\n“{}”, Fischer said."
SHORT_ORIGINAL = "The clinic opens for families in March."
SHORT_RETRANSLATION = "Families may use the clinic when it opens in March."
LONGER_OTHER = "The clinic opens in March for families from the harbour towns with nurses, beds and buses."
LONGER_RETRANSLATION = (
    "Families may use the clinic when it opens in March, after a vote on taxes and school meals."
)


def test_a_short_statement_retranslated_joins_its_original() -> None:
    a = article("a", CLINIC.format(SHORT_ORIGINAL))
    b = article("b", CLINIC.format(SHORT_RETRANSLATION))
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_a_longer_statement_sharing_as_many_lemmas_stays_apart() -> None:
    a = article("a", CLINIC.format(LONGER_OTHER))
    b = article("b", CLINIC.format(LONGER_RETRANSLATION))
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


# A body's declaration in two languages: its acronym reordered ("PSO" / "OSP"), and a name
# with a title the outlet capitalised ("la Alcaldesa Lena Fischer"): each must still find its translation.
ACRONYM_EN = (
    "Ministers of the PSO met in Lisbon.\n\n"
    "“The vaccination programme is a historic success for the hospitals,” the PSO declaration says."
)
ACRONYM_ES = (
    "Los ministros se reunieron en Lisboa, según la Declaración de la Cumbre de Ministros de la OSP.\n\n"
    "“El programa de vacunación es un éxito histórico para los hospitales”, dice la declaración."
)
TITLED_ES = (
    "La Alcaldesa Lena Fischer visitó la clínica.\n\n"
    "“El programa de vacunación es un éxito histórico para los hospitales”, dijo la Alcaldesa Lena Fischer."
)


@pytest.mark.parametrize(
    ("first", "second"), [(ACRONYM_EN, ACRONYM_ES), (VACCINE_EN, TITLED_ES)], ids=["acronym", "title"]
)
def test_a_translation_finds_its_original_under_another_form_of_the_speaker(first: str, second: str) -> None:
    a, b = article("a", first), article("b", second)
    speakers = [q.canonical_speaker for x in (a, b) for q in extract_quotes(x)]
    assert "unknown" not in speakers and len(set(speakers)) == 2
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


# A long quotation holds several statements; another outlet quotes one of them after other
# words, with its cut marked "(...)": that statement alone is a near-verbatim copy.
TEXT_LEAD = "Delegates from twelve states met in Lisbon on Friday.\n\nThe final text reads: “{}”"
TUNNEL = "The harbour tunnel will stay closed until the inspectors are satisfied."
WATER = "Every family in the valley will have clean water by the end of the decade"


def test_a_statement_copied_out_of_a_longer_quotation_joins_it() -> None:
    a = article(
        "a",
        TEXT_LEAD.format(f"{TUNNEL} We will build three new schools and two hospitals before the winter."),
    )
    b = article(
        "b",
        TEXT_LEAD.format(f"{WATER} (...) We will build three new schools and two hospitals before winter."),
    )
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_long_quotations_sharing_a_few_words_of_a_statement_stay_apart() -> None:
    a = article(
        "a",
        TEXT_LEAD.format(f"{TUNNEL} We will build three new schools and two hospitals before the winter."),
    )
    b = article(
        "b", TEXT_LEAD.format(f"{WATER} (...) We will build three bridges and two roads in the valley.")
    )
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


# An unattributed text (a declaration's words) quoted in two languages: no speaker to agree
# on, so the cognates and the mutual best match decide.
UNSIGNED_EN = (
    "Delegates from twelve states met in Lisbon on Friday.\n\n"
    "The final text holds that “the vaccination programme is a historic success for the regional hospitals”."
)
UNSIGNED_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "El texto final sostiene que “el programa de vacunación es un éxito histórico "
    "para los hospitales regionales”."
)
UNSIGNED_OTHER_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "El texto final sostiene que “las escuelas de la ciudad abrirán en septiembre con nuevos profesores”."
)


def test_an_unattributed_translation_joins_its_original_through_cognates() -> None:
    a, b = article("a", UNSIGNED_EN), article("b", UNSIGNED_ES)
    assert {q.canonical_speaker for x in (a, b) for q in extract_quotes(x)} == {UNKNOWN}
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_an_unattributed_other_statement_in_another_language_stays_apart() -> None:
    a, b = article("a", UNSIGNED_EN), article("b", UNSIGNED_OTHER_ES)
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


# Cognates whose endings differ more than their spelling allows ("integrity" / "integridad")
# still share a long stem; each statement of a long quotation finds its own best match.
STEM_EN = (
    "Delegates from twelve states met in Lisbon on Friday.\n\n"
    "The final text holds that “we will protect the integrity and dignity of all communities”."
)
STEM_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "El texto final sostiene que “protegeremos la integridad y la dignidad de todas las comunidades”."
)
TWO_EN = (
    f"{UNSIGNED_EN} It adds that “every port will publish its tariffs and inspection reports each month”."
)
TWO_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "El texto final dice: “El programa de vacunación es un éxito histórico para los hospitales regionales. "
    "Cada puerto publicará sus tarifas e informes de inspección mensualmente”."
)


def test_cognates_sharing_a_long_stem_join_a_translation() -> None:
    a, b = article("a", STEM_EN), article("b", STEM_ES)
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_a_five_letter_opening_is_not_a_stem() -> None:
    assert (
        cognate_agreement(frozenset({"integrity", "dignity"}), frozenset({"integridad", "dignidad"})) == 0.0
    )
    assert cognate_agreement(frozenset({"integrity", "dignity"}), frozenset({"integridad", "dignity"})) > 0


def test_each_statement_of_a_long_quotation_finds_its_translation() -> None:
    a, b = article("a", TWO_EN), article("b", TWO_ES)
    assert len(extract_quotes(a)) == 2 and len(extract_quotes(b)) == 1
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


# One named speaker: a long quotation and its shorter translation share a third of the
# translation's cognates but not of the long one's; a statement on something else shares two.
ONE_SPEAKER_EN = (
    "Delegates from twelve states met in Lisbon on Friday.\n\n"
    "“The new program offers modern equipment, regional training, digital libraries and permanent "
    "assistance to teachers in rural communities, with transparent budgets and annual evaluations,” "
    "Maria Oduya said."
)
ONE_SPEAKER_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "“El programa ofrece equipos modernos y asistencia permanente a los maestros de las escuelas "
    "pequeñas”, dijo Maria Oduya."
)
ONE_SPEAKER_OTHER_ES = (
    "Delegados de doce estados se reunieron en Lisboa el viernes.\n\n"
    "“La economía regional y la comunidad necesitan puertos”, dijo Maria Oduya."
)


def test_a_shorter_translation_by_the_same_speaker_joins_the_long_quotation() -> None:
    a, b = article("a", ONE_SPEAKER_EN), article("b", ONE_SPEAKER_ES)
    assert {q.canonical_speaker for x in (a, b) for q in extract_quotes(x)} == {"Maria Oduya"}
    assert [g.articles for g in match_quotes([a, b])] == [("a", "b")]


def test_another_statement_by_the_same_speaker_sharing_two_cognates_stays_apart() -> None:
    a, b = article("a", ONE_SPEAKER_EN), article("b", ONE_SPEAKER_OTHER_ES)
    assert [g.articles for g in match_quotes([a, b])] == [("a",), ("b",)]


def test_the_shorter_sentences_share_counts_for_one_named_speaker_or_many_cognates() -> None:
    long = frozenset({"program", "ofers", "modern", "equipment", "regional", "training", "digital"})
    long |= {"libraries", "permanent", "asistance", "teachers", "rural", "comunities", "transparent"}
    long |= {"budgets", "anual", "evaluations"}
    # Four matched ("programa", "modernos", "permanente", "digitales"): under a third of the longer's.
    four = frozenset({"programa", "modernos", "permanente", "digitales", "maestros", "escuelas", "ofrece"})
    assert cognate_agreement(long, four | {"pequenas"}) > 0  # 4 of 8: half
    assert cognate_agreement(long, four | {"pequenas", "nuevas"}) == 0.0  # 4 of 9: not half
    assert cognate_agreement(long, four | {"pequenas", "nuevas"}, one_speaker=True) > 0
    three = frozenset({"programa", "modernos", "permanente", "maestros", "escuelas", "nuevas"})
    assert cognate_agreement(long, three) == 0.0  # 3 of 6 matched: too few for anyone's
    assert cognate_agreement(long, three, one_speaker=True) > 0

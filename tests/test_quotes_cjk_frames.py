"""Japanese and Korean speech frames: the titled subject before the quotation, the quotative after it.

Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from dedupe.ingest.build import article_from_text
from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes

# (id, language, text, the quotations' speakers in order)
CASES = [
    (
        "ja-topic-title-quotative",
        "ja",
        "ノルドリアのベルケン大統領は21日、記者会見し「私たちは前に進む」と述べた。",
        ["ベルケン"],
    ),
    (
        "ja-dropped-subject-goes-on",
        "ja",
        "ノルドリアのベルケン大統領は21日に会見した。\n「橋は必ず再建される」と強調した。",
        ["ベルケン"],
    ),
    (
        "ja-short-form-is-the-full-name",
        "ja",
        "中国の李明外相が訪れた。\n李氏は「協力を深めたい」と語った。",
        ["李明"],
    ),
    (
        "ja-the-said-president",
        "ja",
        "ベルケン大統領が到着した。\n同大統領は港を視察し、「復興は近い」と答えた。",
        ["ベルケン"],
    ),
    (
        "ja-two-quotations-one-sentence",
        "ja",
        "ベルケン大統領は「感謝している」と述べ、支援については「十分ではない」とした。",
        ["ベルケン", "ベルケン"],
    ),
    (
        "ko-topic-title-quotative",
        "ko",
        "베르켄 대통령은 기자들에게 “우리는 준비가 됐다”고 말했다.",
        ["베르켄"],
    ),
    (
        "ko-short-form-and-dropped-subject",
        "ko",
        "박민수 위원장이 도착했다. 박 위원장은 “환영에 감사한다”고 밝혔다. "
        "이어 “협력은 계속될 것”이라고 말했다.",
        ["박민수", "박민수"],
    ),
]


@pytest.mark.parametrize(("language", "text", "speakers"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_cjk_quotation_gets_its_titled_subject(language: str, text: str, speakers: list[str]) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language=language))
    assert [q.canonical_speaker for q in quotes] == speakers


# Near misses: a topic that is no named person, a clause describing a noun, no quotative.
NEAR_MISSES = [
    ("ja-body-as-topic", "ja", "ベルケン大統領が到着した。\n外務省は「協議は続く」とする声明を出した。"),
    (
        "ja-quotation-describes-a-noun",
        "ja",
        "ベルケン大統領は会見した。\n「勝利した」とする政府の発表は否定された。",
    ),
    ("ko-no-quotative", "ko", "베르켄 대통령은 도착했다. 신문은 “새로운 시대”라는 제목을 달았다."),
]


@pytest.mark.parametrize(("language", "text"), [c[1:] for c in NEAR_MISSES], ids=[c[0] for c in NEAR_MISSES])
def test_a_cjk_quotation_without_a_named_subject_stays_unknown(language: str, text: str) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language=language))
    assert [q.canonical_speaker for q in quotes] == ["unknown"]


def test_an_undetermined_language_is_told_by_its_script() -> None:
    quotes = extract_quotes(Article(id="t", text="ベルケン大統領は「前に進む」と述べた。", language="und"))
    assert quotes[0].canonical_speaker == "ベルケン"


def test_a_long_japanese_first_paragraph_is_a_lede_not_a_headline() -> None:
    lede = (
        "ノルドリアのベルケン大統領は21日、首都の港で記者会見し、昨年の嵐で壊れた橋について"
        "「必ず元通りに再建する」と述べ、各国の支援に謝意を示した。"
    )
    article = article_from_text(lede + "\n\n会見は一時間続いた。", id="t", title=lede, language="ja")
    quote = extract_quotes(article)[0]
    assert (quote.kind, quote.canonical_speaker) == ("fragment", "ベルケン")


# Chinese: the titled name that opens the sentence, a speech verb before the quotation.
ZH_CASES = [
    (
        "zh-name-opens-verb",
        "诺德里亚总统贝尔肯15日抵达。\n贝尔肯在记者会上表示，这是“真正的进展”。",
        "贝尔肯",
    ),
    ("zh-traditional-then", "外交部長林遠周末會面。\n林遠則重申「合作不會停止」。", "林遠"),
    ("zh-quoting-x-as-saying", "总统贝尔肯今天抵达。\n通讯社引述贝尔肯说：「我们准备好了。」", "贝尔肯"),
]


@pytest.mark.parametrize(("text", "speaker"), [c[1:] for c in ZH_CASES], ids=[c[0] for c in ZH_CASES])
def test_a_chinese_quotation_gets_the_name_that_opens_its_sentence(text: str, speaker: str) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language="zh"))
    assert [q.canonical_speaker for q in quotes] == [speaker]


ZH_NEAR_MISSES = [
    ("zh-body-opens", "总统贝尔肯今天抵达。\n外交部在声明中表示，这是“新的开始”。"),
    ("zh-two-people-open", "总统贝尔肯今天抵达。\n林遠与贝尔肯会谈后表示，双方有“共识”。"),
]


@pytest.mark.parametrize("text", [c[1] for c in ZH_NEAR_MISSES], ids=[c[0] for c in ZH_NEAR_MISSES])
def test_a_chinese_quotation_without_a_titled_opening_name_stays_unknown(text: str) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language="zh"))
    assert [q.canonical_speaker for q in quotes] == ["unknown"]


def test_a_chinese_report_taken_for_english_is_read_as_chinese() -> None:
    text = "总统贝尔肯今天抵达。\n贝尔肯表示，这是“真正的进展”。"
    assert extract_quotes(Article(id="t", text=text, language="en"))[0].canonical_speaker == "贝尔肯"

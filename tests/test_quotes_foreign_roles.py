"""Speakers of quotations in the other languages of the news this reads (dedupe.quotes.foreign_roles,
foreign_frames): French inversion, German word order, titles and descriptions written before a name.

Each case is a short invented report in its language; the table says whom the quotation
belongs to (the last quotation of the text, when it has several).
"""

from __future__ import annotations

import pytest

from dedupe.models import Article
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN

VELDE_DE = "Tarnlands Präsidentin Mara Velde sprach am Montag in Berlin. "

# (case, language, text, canonical speaker of the last quotation)
CASES = [
    (
        "French inverted pronoun after an auxiliary",
        "fr",
        "La ministre Mara Velde a parlé jeudi à Lyon. « Nous ne reculerons pas », a-t-elle déclaré.",
        "Mara Velde",
    ),
    (
        "French inverted pronoun after the verb",
        "fr",
        "Jonas Lindqvist a visité le port. « La route est longue », ajoute-t-il.",
        "Jonas Lindqvist",
    ),
    (
        "French impersonal inversion names nobody",
        "fr",
        "Jonas Lindqvist a visité le port. Le port, « le plus grand du pays », semble-t-il.",
        UNKNOWN,
    ),
    (
        "French adverb between the auxiliary and the verb, descriptor after it",
        "fr",
        "Le président tarnien Mara Velde a parlé. « Nous tiendrons », a encore affirmé le président tarnien.",
        "Mara Velde",
    ),
    (
        "French verb-first frame with its listener after the name",
        "fr",
        "L’avion est tombé. « J’ai vu l’avion trembler », a raconté Jonas Lindqvist à la presse.",
        "Jonas Lindqvist",
    ),
    (
        "Italian perfect with a verb of the list",
        "it",
        "La Banca ha deciso. “Non possiamo dire di più”, ha aggiunto Mara Velde in conferenza stampa.",
        "Mara Velde",
    ),
    ("German title inside the name's run", "de", VELDE_DE + "„Wir bleiben“, sagte Velde.", "Mara Velde"),
    ("German so-frame with a name", "de", VELDE_DE + "Das sei kein „Spiel“, so Velde.", "Mara Velde"),
    (
        "German so-frame with a feminine title",
        "de",
        VELDE_DE + "„Es reicht“, so die Präsidentin.",
        "Mara Velde",
    ),
    (
        "German compound title as descriptor",
        "de",
        "Kremlchef Jonas Lindqvist antwortete am Dienstag. „Nein“, sagte der Kremlchef.",
        "Jonas Lindqvist",
    ),
    (
        "German apposition after an institution's name",
        "de",
        "Die Bank hob den Zins an. «Das ist riskant», sagte der Präsident des Tarnischen Instituts für "
        "Wirtschaft (TIW), Mara Velde.",
        "Mara Velde",
    ),
    (
        "German subject after the verb",
        "de",
        "Mara Velde hielt am Montag eine Rede. Als Reaktion auf die Debatte über Tarnland sagte Velde, "
        "die Folgen wären „tragisch“.",
        "Mara Velde",
    ),
    (
        "German pronoun after a colon's statement, past a noun after a preposition",
        "de",
        "Mara Velde hielt am Montag eine Rede. Nach Angaben des Militärs ist das Flugzeug zerbrochen. "
        "Einsatzleiter Jonas Lindqvist sprach von schwierigen Bedingungen: „Wir suchen weiter“, sagt er.",
        "Jonas Lindqvist",
    ),
    (
        "German title two people hold",
        "de",
        VELDE_DE + "Auch Präsidentin Anna Korsgaard kam. „Es reicht“, so die Präsidentin.",
        UNKNOWN,
    ),
    (
        "German descriptor whose adjective is another form of the place",
        "de",
        "Tarnlands Präsident Mara Velde sprach am Montag. „Wir bleiben“, so der tarnische Präsident.",
        "Mara Velde",
    ),
    (
        "Spanish verb with the one spoken to: the subject is dropped",
        "es",
        "Mara Velde se reunió con Jonas Li. “Creo que avanzamos”, dijo a Li en el salón.",
        "Mara Velde",
    ),
    (
        "Spanish sentence opening with its speech verb",
        "es",
        "Mara Velde habló el lunes en Tarnia. Subrayó que «no es realista» cambiar al otro.",
        "Mara Velde",
    ),
    (
        "English 'He' inside a Spanish sentence is a name, no pronoun",
        "es",
        "Mara Velde se reunió con el ministro. “Hubo un consenso”, dijo He.",
        UNKNOWN,
    ),
    (
        "French pronoun for the subject a speech verb put after it",
        "fr",
        "La banque est prête à agir, a indiqué Mara Velde alors que les taux sont hauts. Il a même "
        "n'a pas exclu d'autres mesures. « Nous verrons le mois prochain », "
        "a-t-il déclaré à Lyon.",
        "Mara Velde",
    ),
    (
        "German 'the latter'",
        "de",
        "Die Nato und auch Mara Velde haben dies ausgeschlossen. „Ich schicke keine Soldaten“, sagte dieser.",
        "Mara Velde",
    ),
    (
        "Spanish 'the latter' past a capitalised name the finder missed",
        "es",
        "Jonas Lindqvist conversó en un almuerzo con el ministro de Hacienda He Lifeng, responsable de "
        "la economía. Este último criticó los «retrasos constantes» del puerto.",
        UNKNOWN,
    ),
    (
        "Russian name and colon after a sentence's stop",
        "ru",
        "Об этом президент Мара Вельде заявил в послании. Мара Вельде: «Вынужден заявить сегодня».",
        "Мара Вельде",
    ),
    (
        "German verb of calling",
        "de",
        "Mara Velde sprach in Berlin. Er bezeichnete die Berichte als „grundlose Beschuldigungen“.",
        "Mara Velde",
    ),
    (
        "Spanish descriptor by the seat of power",
        "es",
        "El presidente ruso, Mara Velde, habló ante la Asamblea. Durante su discurso, el inquilino del "
        "Kremlin ha señalado que la región es «un símbolo» del país.",
        "Mara Velde",
    ),
    ("the seat itself speaks as a body", "es", "«No cederemos», dijo el Kremlin.", "Kremlin"),
    (
        "German compound of the seat",
        "de",
        "Russlands Präsident Mara Velde sprach am Montag. „Nein“, sagte der Kremlchef.",
        "Mara Velde",
    ),
    ("German indefinite descriptor names nobody", "de", "«Das ist riskant», sagte eine Anwohnerin.", UNKNOWN),
    (
        "Spanish dropped subject after an unresolved frame in its sentence",
        "es",
        "Mara Velde se reunió con el viceprimer ministro He Lifeng. La reunión condujo a un «consenso "
        "importante», dijo He, pero «ha habido problemas», afirmó.",
        UNKNOWN,
    ),
    (
        "Spanish description apposed to a name",
        "es",
        "La secretaria de Comercio de Nueva Tarnia (NT), Mara Velde, llegó el lunes. Habló con "
        "Jonas Lindqvist. “Mi objetivo es claro”, manifestó la secretaria de Comercio.",
        "Mara Velde",
    ),
]


@pytest.mark.parametrize(("language", "text", "canonical"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_quotation_in_another_language_gets_its_speaker(language: str, text: str, canonical: str) -> None:
    quotes = extract_quotes(Article(id="t", text=text, language=language))
    assert quotes[-1].canonical_speaker == canonical

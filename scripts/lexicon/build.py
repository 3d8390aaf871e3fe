#!/usr/bin/env python3
"""Builds the lexicon of Passerelle's language bridge from open dictionaries and word frequencies
that come from the package registries (fetched by `scripts/lexicon`, which calls this):

- Debian's FreeDict packages (dictd format): deu-eng and eng-deu (Ding, GPL-3+), fra-eng and
  eng-fra (GPL-2+), deu-fra and fra-deu (WikDict, CC-BY-SA-3.0);
- the word frequencies of PyPI's `wordfreq` (data CC-BY-SA-4.0), read from its msgpack files, to
  rank translations and drop junk;
- the German stop words of PyPI's `stop-words` (BSD-3-Clause), kept out of the word list with which
  the search splits compounds. Translations are not filtered by stop words: that package's French
  and English lists hold content words ("état", "personne", "welcome", "information", "state"),
  and the search drops its own stop words when it reads the lexicon.

Every direction is combined from the direct dictionary, the inverted reverse one and a pivot
through the third language (which gives French<->English most of its pairs). A word's
translations are ranked by how many sources agree, then by how frequent the translation is; the
first four per target language are kept, minus those far below the word's best (`GAP`).
Output: tab-separated src_lang, src_word, dst_lang, dst_word, weight (gzip), the format
`passerelle lexicon import` reads; then, after the header line `lang word zipf`, the German word
list with which the search splits compounds:
wordfreq's German words, folded, with their Zipf frequency (words of four letters or more from
Zipf 2, of three letters from Zipf 4; no stop words).

usage: build.py DICTD_DIR OUT.tsv.gz
"""
import collections
import gzip
import math
import os
import re
import sys
import unicodedata

LANGS = ("de", "fr", "en")

_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
            "ı": "i", "’": "'", "‘": "'", "ʼ": "'"}


def fold(s):
    """Lowercase and strip accents/umlauts to ASCII-ish like tantivy's AsciiFoldingFilter
    (ä -> a, not ae; ß -> ss; œ -> oe)."""
    s = s.lower()
    s = "".join(_SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))



B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64V = {c: i for i, c in enumerate(B64)}

def b64num(s):
    n = 0
    for c in s:
        n = n * 64 + B64V[c]
    return n

def read_dictd(index_path, dict_path):
    """Yields (index_headword, entry_text) in index order, de-duplicated by offset."""
    data = gzip.open(dict_path).read()  # dictzip is gzip-compatible
    seen = set()
    with open(index_path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            hw, off, ln = parts[0], b64num(parts[1]), b64num(parts[2])
            if (off, ln) in seen:
                continue
            seen.add((off, ln))
            yield hw, data[off:off + ln].decode("utf-8", "replace")


ISO = {"deu": "de", "fra": "fr", "eng": "en"}
DICTS = ["deu-eng", "eng-deu", "fra-eng", "eng-fra", "deu-fra", "fra-deu"]
WIKDICT = {"deu-fra", "fra-deu"}  # FreeDict's WikDict imports: translation line + gloss line per sense
MAX_WORDS = 3
TOPK = 4            # translations kept per word and target language (the search uses the
                    # first three that are not only its stop words)
WORDS_MIN_ZIPF = 2.0  # German words for splitting compounds: at least this frequent,
WORDS_MIN_ZIPF_SHORT = 4.0  # or this frequent for words of three letters ("Rat", "Amt")
MIN_SRC_ZIPF = 1.5  # source words at least this frequent (wordfreq's Zipf scale)
# Translations whose weight is more than this below the word's best in the same target language
# are left out (see `weight`): about one agreeing source fewer (2) is kept, a sense only one
# source gives beside three that agree, or a marked sense beside a plain one (10), is not
# ("refugee" -> "réfugié" from three sources, not "volage" from one pivot; "Flüchtling" ->
# "refugee", not "fickle"; "famille" -> "family", not "house").
# On the open development set: 0.619 -> 0.639 nDCG@10 (gaps of 2.5 and 3.5 gave 0.639 and
# 0.638, 1.5 0.631, 5.5 0.619); the project's own set unchanged (0.895 -> 0.896).
GAP = 3.0

# A sense marked as colloquial, dated, rare or pejorative, or as a technical field far from the
# catalogue's ("Aufnahme" [photo.] "shot", "welcome" [coll.] "Bitte schön"): its translations come
# after the plain ones.
MARKED = re.compile(r"\[(?:coll|ugs|slang|vulg|pej|dated|rare|archaic|obs|poet|humor|hum|iron|euphem|"
                    r"ornith|zool|bot|chem|techn|geol|min|naut|aviat|mach|electr|anat|biochem|phys|"
                    r"math|textil|constr|auto|mil|astron|photo|print|mining|hunting|fishing|"
                    r"vulgaire|familier|argot|vieilli|péj|fam|pop|arg|vx|littér)\.?\]", re.I)

HEAD_END = re.compile(r"\s+(?:/[^/]*/\s*)+|\s+<[^>]*>\s*$|\s+\(")
BRACKETS = [re.compile(r"<[^<>]*>"), re.compile(r"\[[^\[\]]*\]"), re.compile(r"\{[^{}]*\}"),
            re.compile(r"\([^()]*\)")]
SENSE_NO = re.compile(r"^\s*(\d+)\.\s*(.*?)\s*$")
TRAILING_NO = re.compile(r"\s+\d+\.\s*$")
LETTERS = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")


def strip_annotations(s):
    for _ in range(3):  # nested brackets
        for r in BRACKETS:
            s = r.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip(" ,;:.!?")


def split_top(s):
    """Split at commas/semicolons that are not inside brackets."""
    out, depth, cur = [], 0, []
    for c in s:
        if c in "([{<":
            depth += 1
        elif c in ")]}>":
            depth = max(0, depth - 1)
        if c in ",;" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def headword(first_line):
    m = HEAD_END.search(first_line)
    hw = first_line[: m.start()] if m else first_line
    return hw.strip()


def translation_lines(body, wikdict):
    """Yields (sense_no, line) for the lines that hold translations."""
    if wikdict:
        expect_trans, sense = True, 0
        for ln in body:
            if not ln.strip():
                continue
            m = SENSE_NO.match(ln)
            if m:
                sense = int(m.group(1))
                yield sense, TRAILING_NO.sub("", m.group(2))
                expect_trans = False  # the next unnumbered line is the source-language gloss
            elif expect_trans:
                sense += 1
                yield sense, TRAILING_NO.sub("", ln.strip())
                expect_trans = False
            # else: gloss (a definition in the source language): skipped
        return
    sense = 0
    for ln in body:
        if not ln.strip():
            continue
        indent = len(ln) - len(ln.lstrip(" "))
        s = ln.strip()
        if s.startswith(("see:", "Synonym:", "Synonyms:", "Note:", '"', "„")):
            continue
        if indent > 1 or (indent == 1 and not s.startswith("[")):
            continue
        m = SENSE_NO.match(s)
        if m:
            sense = int(m.group(1))
            s = m.group(2)
        else:
            sense = max(sense, 1)
        yield sense, s


def clean_term(s):
    s = strip_annotations(s)
    if "…" in s or "..." in s or not s:
        return None
    s = s.strip(" '")
    if s.startswith("-") or s.endswith("-") or not LETTERS.match(s):  # affixes ("Grenz-", "-able")
        return None
    if len(re.split(r"[ -]", s)) > MAX_WORDS:
        return None
    return s


def parse_all(dictd):
    raw = []
    for d in DICTS:
        src, dst = (ISO[x] for x in d.split("-"))
        n = 0
        for entry, (idx_hw, text) in enumerate(read_dictd(f"{dictd}/freedict-{d}.index", f"{dictd}/freedict-{d}.dict.dz")):
            if idx_hw.startswith("00database") or idx_hw.startswith("00-database"):
                continue
            lines = text.split("\n")
            hw = clean_term(headword(lines[0]))
            if not hw:
                continue
            for sense, ln in translation_lines(lines[1:], d in WIKDICT):
                marked = bool(MARKED.search(ln))
                for t in split_top(ln):
                    t = clean_term(t)
                    if t:
                        raw.append((d, src, hw, dst, t, sense, marked, (d, entry)))
                        n += 1
        print(f"{d}: {n} raw pairs", file=sys.stderr)
    return raw



def main(dictd, out_path):
    raw = parse_all(dictd)
    freq = {l: load_freq(l) for l in LANGS}
    stops = {"de": stop_words("de")}

    def zipf(term, lang):
        # frequency of a phrase as wordfreq does it: 1/f = sum 1/f_i (rarest word dominates)
        ws = [w for w in re.split(r"[ \-']", fold(term)) if w]
        inv = 0.0
        for w in ws:
            f = freq[lang].get(w, 0.0)
            if f <= 0:
                return 0.0
            inv += 1 / f
        return math.log10(1 / inv) + 9 if inv else 0.0

    # pairs[(src, dst)][src_word][dst_word] = {source tags}
    pairs = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(set)))
    # plain[(src, dst)][src_word]: translations found at least once in an unmarked sense
    plain = collections.defaultdict(lambda: collections.defaultdict(set))
    # entries[(src, dst)][src_word][word of a translation]: the headword's entries that use it
    # ("welcome": "Willkommen", "willkommen heißen", "Herzlich willkommen!" all say "willkommen")
    entries = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(set)))
    best_sense = {}
    written = {}
    for d, src, hw, dst, t, sense, marked, entry in raw:
        a, b = fold(hw), fold(t)
        if zipf(t, dst) <= 0 or zipf(hw, src) <= 0 or len(a) < 2 or len(b) < 2:
            continue  # glued words ("chambreàair"), unknown junk
        pairs[(src, dst)][a][b].add("direct")
        pairs[(dst, src)][b][a].add("inverse")
        if not marked:
            plain[(src, dst)][a].add(b)
            plain[(dst, src)][b].add(a)
        for w in re.split(r"[ \-']", b):
            if w:
                entries[(src, dst)][a][w].add(entry)
        # The first spelling seen of each folded word, to show readers ("enfant réfugié").
        written.setdefault((src, a), hw)
        written.setdefault((dst, b), t)
        for k in ((src, a, dst, b), (dst, b, src, a)):
            best_sense[k] = min(best_sense.get(k, 99), sense)
    stats = {k: (len(v), sum(len(x) for x in v.values())) for k, v in pairs.items()}
    for k in sorted(stats):
        print(f"{k[0]}->{k[1]}: {stats[k][0]} source words, {stats[k][1]} pairs (direct+inverse)",
              file=sys.stderr)

    def support(src, word, dst, t):
        """How many of the headword's entries use the translation's best-supported word."""
        e = entries[(src, dst)].get(word, {})
        return max((len(e.get(w, ())) for w in re.split(r"[ \-']", t) if w), default=0)

    def rank_key(src, word, dst, t):
        """Plain senses first, then the number of sources that agree, the number of the
        headword's entries that use the translation's word, and the translation's frequency."""
        return (t in plain[(src, dst)].get(word, ()), len(pairs[(src, dst)][word][t]),
                min(support(src, word, dst, t), 4), zipf(t, dst))

    def weight(key):
        # One number that sorts like the key: plain 10, each source 2, each entry 0.4 (at most
        # four), a thirtieth of the Zipf frequency.
        is_plain, sources, entries_, z = key
        return 10 * is_plain + 2 * sources + 0.4 * entries_ + z / 30

    def ranked(src, word, dst, k):
        c = pairs[(src, dst)].get(word, {})
        return sorted(c, key=lambda t: rank_key(src, word, dst, t), reverse=True)[:k]

    # pivot: src -> mid -> dst, only through each side's top 3; plain when both steps are
    plain_pivot = []
    for src, dst in [("fr", "en"), ("en", "fr"), ("de", "fr"), ("fr", "de"), ("de", "en"), ("en", "de")]:
        mid = ({"de", "fr", "en"} - {src, dst}).pop()
        for word in list(pairs[(src, mid)]):
            for m in ranked(src, word, mid, 3):
                for t in ranked(mid, m, dst, 3):
                    pairs[(src, dst)][word][t].add("pivot:" + mid)
                    if m in plain[(src, mid)].get(word, ()) and t in plain[(mid, dst)].get(m, ()):
                        plain_pivot.append((src, dst, word, t))
    for src, dst, word, t in plain_pivot:
        plain[(src, dst)][word].add(t)
    counts = collections.Counter()
    with gzip.open(out_path, "wt", encoding="utf-8") as lex:
        lex.write("src_lang\tsrc_word\tdst_lang\tdst_word\tweight\n")
        for (src, dst), words in sorted(pairs.items()):
            for word in sorted(words):
                # Single words only: the search looks words up one by one.
                if " " in word or "-" in word or zipf(word, src) < MIN_SRC_ZIPF:
                    continue
                c = words[word]
                keys = {t: rank_key(src, word, dst, t) for t in c}
                order = sorted(c, key=lambda t: (keys[t], t), reverse=True)
                best = weight(keys[order[0]]) if order else 0.0
                for t in [t for t in order if weight(keys[t]) >= best - GAP][:TOPK]:
                    shown = written.get((dst, t), t)
                    lex.write(f"{src}\t{word}\t{dst}\t{shown}\t{weight(keys[t]):.3f}\n")
                    counts[(src, dst)] += 1
        # The German word list, for splitting compounds (Koehn and Knight: a split is taken when
        # its parts are on average more frequent than the whole word).
        lex.write("lang\tword\tzipf\n")
        words = 0
        for word, f in sorted(freq["de"].items()):
            z = math.log10(f) + 9
            if (word.isalpha() and word.isascii() and word not in stops["de"]
                    and ((len(word) >= 4 and z >= WORDS_MIN_ZIPF) or (len(word) == 3 and z >= WORDS_MIN_ZIPF_SHORT))):
                lex.write(f"de\t{word}\t{z:.2f}\n")
                words += 1
    for k in sorted(counts):
        print(f"{k[0]}->{k[1]}: {counts[k]} translations", file=sys.stderr)
    print(f"de: {words} words in the word list", file=sys.stderr)


def load_freq(lang):
    """wordfreq's bundled list read directly (msgpack.gz, 'cB' format: list index i holds the
    words whose frequency is 10^(-i/100)); keys folded, frequencies summed over spellings that
    fold alike."""
    import importlib.util
    import msgpack
    # The package's data files only: wordfreq's code (and its dependencies) is not needed.
    package = importlib.util.find_spec("wordfreq").submodule_search_locations[0]
    path = os.path.join(package, "data", f"large_{lang}.msgpack.gz")
    data = msgpack.loads(gzip.open(path).read())
    out = {}
    for i, bucket in enumerate(data[1:], 1):
        f = 10 ** (-i / 100)
        for w in bucket:
            k = fold(w)
            out[k] = out.get(k, 0.0) + f
    return out


def stop_words(lang):
    """Folded stop words of PyPI's stop-words package."""
    import stop_words as sw
    return {fold(w) for w in sw.get_stop_words({"de": "german", "fr": "french", "en": "english"}[lang])}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

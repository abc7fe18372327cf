#!/usr/bin/env python3
"""Finds where LitBank's paragraphs begin, for the analysis evaluation.

LitBank's tokenised files keep one sentence per line and drop paragraph breaks, so the
evaluation would have to guess them. LitBank's repository also has the texts as printed
(`original/<id>.txt`, public-domain books from Project Gutenberg). This script aligns each
original with its tokenised excerpt and writes, per work, the (sentence, token) positions
where a paragraph begins:

    scripts/litbank_paragraphs.py ORIGINALS_DIR LITBANK_DIR > eval/litbank-paragraphs.tsv

ORIGINALS_DIR holds `<id>.txt` copies of LitBank's `original/` files (only the part covering
the excerpt is needed). A work whose original is missing or does not align is left out, and
the evaluation falls back to its own paragraph guess for it.
"""
import os
import re
import sys

SKIPPABLE = set("_*[]")  # Gutenberg italics and footnote marks the tokeniser dropped


def tokens(path):
    with open(path, encoding="utf-8") as f:
        return [line.split(" ") for line in f.read().split("\n") if line.strip()]


def normalise(tok):
    return {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)


def paragraph_breaks(original):
    """Character positions where paragraphs begin: after a blank line; in the odd file whose
    paragraphs are set without blank lines, also after a short line ending a sentence."""
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", original)]
    if len(breaks) * 3000 >= len(original):
        return breaks
    lines = original.split("\n")
    lengths = sorted(len(l) for l in lines if l.strip())
    median = lengths[len(lengths) // 2] if lengths else 0
    pos = 0
    for line, following in zip(lines, lines[1:]):
        pos += len(line) + 1
        ends_sentence = line.rstrip().endswith((".", "!", "?", '"', "”", "’", ":"))
        if ends_sentence and len(line) < 0.75 * median and following.strip():
            breaks.append(pos)
    return sorted(set(breaks))


def align(original, sentences):
    """Paragraph starts as (sentence, token) pairs, or None when the texts diverge."""
    breaks = paragraph_breaks(original)
    pos = 0
    starts = []
    next_break = 0
    n = len(original)
    for si, sent in enumerate(sentences):
        for ti, tok in enumerate(sent):
            tok = normalise(tok)
            # find the token's first character, skipping whitespace and marks the tokeniser dropped
            while pos < n and (original[pos].isspace() or (original[pos] in SKIPPABLE and original[pos] != tok[:1])):
                pos += 1
            begin = pos
            for ch in tok:
                while pos < n and original[pos] in SKIPPABLE and original[pos] != ch:
                    pos += 1
                if pos < n and original[pos] == ch:
                    pos += 1
                elif pos < n and original[pos] in "\r\n" and ch == "-":
                    pos += 1
                else:
                    return None, (si, ti, tok, original[begin:begin + 40])
            while next_break < len(breaks) and breaks[next_break] <= begin:
                if (si, ti) != (0, 0) and (not starts or starts[-1] != (si, ti)):
                    starts.append((si, ti))
                next_break += 1
    return starts, None


def main():
    originals, litbank = sys.argv[1], sys.argv[2]
    tsv = os.path.join(litbank, "quotations", "tsv")
    print("# work\tparagraph starts as sentence:token (0-based), from LitBank's original/ texts; see scripts/litbank_paragraphs.py")
    for name in sorted(os.listdir(tsv)):
        if not name.endswith("_brat.txt"):
            continue
        work = name[: -len("_brat.txt")]
        path = os.path.join(originals, work + ".txt")
        if not os.path.exists(path):
            print(f"{work}: no original", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            original = f.read().replace("\r\n", "\n")
        starts, failure = align(original, tokens(os.path.join(tsv, name)))
        if starts is None:
            print(f"{work}: diverges at sentence {failure[0]} token {failure[1]} {failure[2]!r}: {failure[3]!r}", file=sys.stderr)
            continue
        print(work + "\t" + " ".join(f"{s}:{t}" for s, t in starts))


if __name__ == "__main__":
    main()

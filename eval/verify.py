#!/usr/bin/env python3
"""Consistency check of an annotated fic set's expected.json against its texts (no analysis code
involved). Run: python3 eval/verify.py eval/fics   (the development set)
           and: python3 eval/verify.py eval/heldout (the blind held-out set)"""
import json, os, re, sys
if len(sys.argv) != 2:
    sys.exit('usage: verify.py SET_DIR (eval/fics or eval/heldout)')
D = sys.argv[1]
E = json.load(open(os.path.join(D, 'expected.json'), encoding='utf-8'))
PAT = {'"': r'"([^"]*)"', '“': r'“([^”]*)”', '‘': r'‘(.*?)’(?![A-Za-z])',
       "'": r"(?<![A-Za-z])'(.*?)'(?![A-Za-z])"}
bad = 0
def err(*a):
    global bad; bad += 1; print('ERROR', *a)
for w in E['works']:
    fn = w['file']; text = open(os.path.join(D, fn), encoding='utf-8').read()
    ps = [l.rstrip('\n') for l in text.splitlines() if l.strip()]
    N = len(ps); words = len(text.split())
    if not 900 <= words <= 2000: err(fn, 'word count', words)
    # tiling
    owner = {}
    def own(n, what):
        if not 1 <= n <= N: err(fn, what, n, 'out of range'); return
        if n in owner: err(fn, 'paragraph', n, 'both', owner[n], 'and', what)
        owner[n] = what
    for n in w.get('header_paragraphs', []): own(n, 'header')
    for n in w.get('notes_paragraphs', []): own(n, 'notes')
    prev = 0
    for c in w['chapters']:
        if c.get('heading_paragraph'): own(c['heading_paragraph'], 'heading')
        for n in c.get('notes_paragraphs', []): own(n, 'chapter notes')
        for n in c.get('break_paragraphs', []): own(n, 'break')
        if c.get('end_marker_paragraph'): own(c['end_marker_paragraph'], 'end marker')
        for s in c['scenes']:
            if s['first'] <= prev or s['last'] < s['first']: err(fn, 'scene order', s)
            prev = s['last']
            for n in range(s['first'], s['last'] + 1): own(n, 'scene')
    missing = [n for n in range(1, N + 1) if n not in owner]
    if missing: err(fn, 'paragraphs in no part:', missing)
    # characters
    names = [c['name'] for c in w['characters']]
    allnames = names + [a for c in w['characters'] for a in c['aliases']]
    if len(set(allnames)) != len(allnames): err(fn, 'duplicate name/alias')
    for x in allnames + w['not_characters']:
        if x.lower() not in text.lower(): err(fn, 'name not in text:', x)
    for r in w['relationships']:
        for p in r.split('/'):
            if p not in names: err(fn, 'relationship member not a character', p)
    for s in (s for c in w['chapters'] for s in c['scenes']):
        if s['pov'] is not None and s['pov'] not in names: err(fn, 'pov not a character', s)
    # quotes
    byp = {}
    for q in w['quotes']:
        if q['speaker'] not in names: err(fn, 'speaker not a character', q)
        n = q['paragraph']; p = ps[n - 1]
        i = p.find(q['starts'])
        if i < 0: err(fn, 'starts not in paragraph', q); continue
        if not (p[max(0, i - 1)] in '"“‘\'' or p[max(0, i - 2):i] == '— '):
            err(fn, 'starts not right after an opening quotation mark', q)
        byp.setdefault(n, []).append(q['starts'])
    dash = 'dialogue_style' in w
    kind = None if dash else max(PAT, key=lambda k: len(re.findall(PAT[k], text)))
    for n, p in enumerate(ps, 1):
        if owner.get(n) != 'scene':
            if n in byp: err(fn, 'quote outside a scene', n)
            continue
        if dash:
            segs = [m.end() for m in re.finditer(r'(?:^|\s)— ', p)]
            segs = [p[k:] for k in segs]
        else:
            segs = [m.group(1) for m in re.finditer(PAT[kind], p)]
        got = byp.get(n, [])
        if len(segs) != len(got) or any(not s.startswith(g) for s, g in zip(segs, got)):
            err(fn, 'paragraph', n, 'quotations', [s[:30] for s in segs], 'annotated', got)
    print(f"{fn}: {words} words, {N} paragraphs, {len(w['quotes'])} quotes, "
          f"{sum(len(c['scenes']) for c in w['chapters'])} scenes, {len(w['chapters'])} chapters, {len(names)} characters, quote style {kind or 'dash'}")
print('OK' if not bad else f'{bad} errors'); sys.exit(1 if bad else 0)

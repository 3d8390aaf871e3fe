#!/usr/bin/env python3
"""Gives every practice of a benchmark's data directory stored vectors of the embedding model
without embedding them (hours for 100,000 generated practices on this machine): each text
(title and summary, per language, as the server embeds them) gets one of the real practice
vectors of another data directory (the open set's, kept by `KEEP=1 PASSERELLE_EMBEDDINGS=…
scripts/eval-open …`) with a little noise, under that model's fingerprint and the text's hash,
so that a server started with the same model reads them as its own (README "Speed, measured").
Benchmark data only: never run it on a real database.

usage: bench-vectors.py SOURCE.db TARGET.db   (SQLite)
"""
import sqlite3, hashlib, struct, random, math, sys
src_db, dst_db = sys.argv[1], sys.argv[2]
s = sqlite3.connect(src_db)
model, = s.execute("select distinct model from search_vectors").fetchone()
base = [struct.unpack('<384f', v) for (v,) in s.execute("select vector from search_vectors")]
d = sqlite3.connect(dst_db)
rows = d.execute("select practice_id, lang, field, body from practice_texts where field in ('title','summary')").fetchall()
texts = {}
for pid, lang, field, body in rows:
    texts.setdefault((pid, lang), {})[field] = body or ''
random.seed(7)
out = []
for (pid, lang), f in texts.items():
    parts = [p for p in (f.get('title','').strip(), f.get('summary','').strip()) if p]
    if not parts: continue
    passage = "\n".join(parts)
    source = hashlib.sha256(passage.encode()).hexdigest()[:32]
    b = random.choice(base)
    v = [x + random.gauss(0, 0.01) for x in b]
    n = math.sqrt(sum(x*x for x in v))
    out.append(("practice", pid, lang, model, source, struct.pack('<384f', *[x/n for x in v])))
d.execute("delete from search_vectors")
d.executemany("insert into search_vectors (kind, owner_id, lang, model, source, vector) values (?,?,?,?,?,?)", out)
d.commit()
print(len(out), "vectors for", len(set(k[0] for k in texts)), "practices; model", model)

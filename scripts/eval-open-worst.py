#!/usr/bin/env python3
"""The worst queries of a run on the open development set, with where their relevant practices
landed and what came first instead: for finding what the search gets wrong.

usage: scripts/eval-open-worst.py RUN.json [N]   (RUN.json from `KEEP=1 scripts/eval-open`)
"""
import json
import math
import os
import sys

SET = os.environ.get("EVAL_OPEN", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval-open"))


def ndcg(ranked, rel):
    dcg = sum((2 ** rel.get(x, 0) - 1) / math.log2(i + 2) for i, x in enumerate(ranked[:10]))
    ideal = sorted(rel.values(), reverse=True)[:10]
    return dcg / sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))


def main(run_path, n):
    practices = {}
    for line in open(os.path.join(SET, "practices.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        practices[r["id"]] = r
    queries = [json.loads(line) for line in open(os.path.join(SET, "queries.jsonl"), encoding="utf-8")]
    run = json.load(open(run_path))
    rows = sorted(((ndcg(run.get(q["qid"], []), q["relevant"]), q) for q in queries), key=lambda x: x[0])
    for score, q in rows[:n]:
        got = run.get(q["qid"], [])
        print(f"{q['qid']} {score:.2f} [{q['lang']}] {q['query']}")
        for pid, grade in sorted(q["relevant"].items(), key=lambda x: -x[1]):
            at = got.index(pid) + 1 if pid in got else "-"
            print(f"    grade {grade} at {at}: {pid} [{practices[pid]['lang']}] {practices[pid]['title'][:80]}")
        for pid in [p for p in got[:3] if p not in q["relevant"]]:
            print(f"    instead: {pid} [{practices[pid]['lang']}] {practices[pid]['title'][:80]}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)

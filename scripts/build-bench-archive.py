#!/usr/bin/env python3
"""Builds a JSONL benchmark archive from the German newstest2020 texts in ../shared/corpus:
every human and machine translation, repeated until the archive reaches the asked size.
Also writes the same texts as plain text (one article after another) for hunspell.

Usage: build-bench-archive.py CORPUS_DIR OUT_JSONL OUT_TXT [MIN_MB]
"""
import json
import pathlib
import sys


def main():
    corpus, out_jsonl, out_txt = (pathlib.Path(a) for a in sys.argv[1:4])
    min_bytes = int(float(sys.argv[4]) if len(sys.argv) > 4 else 40) * 1_000_000
    files = sorted(p for p in corpus.glob("*/*/*.txt"))
    if not files:
        sys.exit(f"no texts under {corpus}")
    texts = [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8")) for p in files]
    written = 0
    copy = 0
    with open(out_jsonl, "w", encoding="utf-8") as jl, open(out_txt, "w", encoding="utf-8") as tx:
        while written < min_bytes:
            for name, text in texts:
                line = json.dumps({"id": f"{name}#{copy}", "text": text}, ensure_ascii=False)
                jl.write(line + "\n")
                tx.write(text.rstrip("\n") + "\n\n")
                written += len(line.encode("utf-8")) + 1
            copy += 1
    print(f"{out_jsonl}: {written / 1e6:.1f} MB, {copy * len(texts)} articles ({len(texts)} texts x {copy})")


if __name__ == "__main__":
    main()

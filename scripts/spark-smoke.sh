#!/usr/bin/env bash
# Runs mtlint as a mapper in a local-mode Spark job (RDD.pipe), as a cluster would with
# `mtlint check --format jsonl -`, and checks that every input record comes back once, with
# its id, as a JSON document. Needs Java (17+) and pyspark (`pip install pyspark`).
# Usage: scripts/spark-smoke.sh   (from the repository root; builds the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin="$PWD/target/release/mtlint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A small archive: the fixtures as JSONL records, repeated so each partition gets several.
python3 - "$work/archive.jsonl" <<'PY'
import json, pathlib, sys
texts = sorted(pathlib.Path("fixtures").glob("*/*.txt"))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for copy in range(20):
        for path in texts:
            record = {"id": f"{path.stem}-{path.parent.name}-{copy}", "text": path.read_text(encoding="utf-8")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY

python3 - "$bin" "$work/archive.jsonl" <<'PY'
import json, sys
from pyspark import SparkConf, SparkContext

binary, archive = sys.argv[1], sys.argv[2]
conf = SparkConf().setMaster("local[2]").setAppName("mtlint-smoke").set("spark.ui.enabled", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
try:
    records = sc.textFile(archive, minPartitions=4)
    # Each partition's lines go to one mtlint process on standard input; its JSONL comes back.
    # mtlint exits 1 when an article fails, which is not an error for a mapper.
    checked = records.pipe(f"sh -c '{binary} check -j 1 --format jsonl -; test $? -le 1'")
    docs = checked.map(json.loads).collect()
    inputs = records.map(lambda line: json.loads(line)["id"]).collect()
finally:
    sc.stop()

ids = sorted(d["id"] for d in docs)
assert ids == sorted(inputs), f"{len(ids)} documents came back for {len(inputs)} records"
assert all(d["error"] is None for d in docs), "a record could not be checked"
failed = sum(not d["passed"] for d in docs)
print(f"spark-smoke: {len(docs)} records checked in 4 partitions, {failed} failed, ids all present")
PY

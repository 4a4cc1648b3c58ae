#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Measures the misspelling check against plain Hunspell on the same texts:
#   1. `cargo bench --bench spelling`: the check alone, one core, MB/s (see benches/);
#   2. `hunspell -d de_DE -l` over the same texts: time, MB/s and words it flags;
#   3. one article end to end (process start, lexicon load, all checks, JSON output).
#
# Usage (from anywhere inside the repo):
#   bash scripts/bench-spelling.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to ../shared/corpus/de beside the repository, else fixtures/de.
# Installs the Debian packages hunspell and hunspell-de-de if they are missing (needs
# apt-get and root); nothing else in the project needs them.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
CORPUS="${1:-../shared/corpus/de}"
[[ -d "$CORPUS" ]] || CORPUS="fixtures/de"

if ! command -v hunspell >/dev/null 2>&1 || [[ ! -f /usr/share/hunspell/de_DE.dic ]]; then
    echo "bench-spelling: installing hunspell and hunspell-de-de" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell hunspell-de-de >&2
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mtlint-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "== misspelling check (cargo bench --bench spelling)"
cargo bench --quiet --bench spelling 2>/dev/null | grep -v '^$'

# The same documents the bench reads: every article .txt below the corpus (English
# sources, licence and readme files left out).
find "$CORPUS" -name '*.txt' ! -name '*.en.txt' ! -name 'LICENSE*' ! -name 'README*' -print0 \
    | sort -z | xargs -0 cat > "$TMP/all.txt"
BYTES=$(stat -c %s "$TMP/all.txt")
WORDS=$(wc -w < "$TMP/all.txt")

echo "== hunspell -d de_DE -l on the same text ($BYTES bytes, $WORDS words)"
START=$(date +%s.%N)
hunspell -d de_DE -i utf-8 -l < "$TMP/all.txt" > "$TMP/flagged.txt"
END=$(date +%s.%N)
FLAGGED=$(wc -l < "$TMP/flagged.txt")
awk -v b="$BYTES" -v s="$START" -v e="$END" -v f="$FLAGGED" -v w="$WORDS" 'BEGIN {
    t = e - s
    printf "hunspell: %.0f ms = %.2f MB/s; %d words flagged = %.1f per 1000 words\n",
        t * 1000, b / 1e6 / t, f, 1000 * f / w
}'

echo "== one article end to end (mtlint check --format json, 10 runs)"
cargo build --release --quiet
ARTICLE="$(find "$CORPUS" -name '*.txt' ! -name '*.en.txt' ! -name 'LICENSE*' ! -name 'README*' \
    | sort | sed -n 1p)"
START=$(date +%s.%N)
for _ in 1 2 3 4 5 6 7 8 9 10; do
    target/release/mtlint check --format json "$ARTICLE" > /dev/null || true
done
END=$(date +%s.%N)
awk -v s="$START" -v e="$END" -v a="$ARTICLE" 'BEGIN {
    printf "%s: %.1f ms per run\n", a, (e - s) * 100
}'

#!/usr/bin/env bash
# Benchmarks mtlint end to end (release build, all checks on) over a JSONL archive of at least
# 40 MB built from the German newstest2020 texts in ../shared/corpus:
#   - throughput on 1 job and on all cores (MB of article text per second, wall and CPU time),
#   - peak memory (max RSS, /usr/bin/time -v),
#   - the same text through `hunspell -d de_DE -l` for comparison,
#   - one article end to end (process start, data load, check, print), with hyperfine.
# Usage: scripts/bench.sh [MIN_MB]   (from the repository root; default 40)
# Installs hunspell, hunspell-de-de, time and hyperfine with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

min_mb="${1:-40}"
corpus=../shared/corpus/de/newstest2020
archive=target/bench-archive.jsonl
text=target/bench-archive.txt
article=$corpus/mt/OPPO/abcnews.363905.txt

need=()
command -v hunspell >/dev/null || need+=(hunspell)
[ -e /usr/share/hunspell/de_DE.dic ] || need+=(hunspell-de-de)
[ -x /usr/bin/time ] || need+=(time)
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet
python3 scripts/build-bench-archive.py "$corpus" "$archive" "$text" "$min_mb"
text_mb=$(python3 -c "import os; print(os.path.getsize('$text') / 1e6)")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Prints "wall_s cpu_s max_rss_kb" for a command, its output discarded.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  python3 - "$log" <<'PY'
import re, sys
log = open(sys.argv[1]).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", log).group(1).strip()
parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
print(f"{wall:.2f} {cpu:.2f} {field('Maximum resident set size (kbytes)')}")
PY
  rm -f "$log"
}

report() {
  local label=$1 wall=$2 cpu=$3 rss=$4
  python3 -c "
mb = $text_mb
print(f'$label: {mb:.1f} MB in {$wall:.2f} s = {mb / $wall:.1f} MB/s wall, {mb / $cpu:.1f} MB per CPU second, peak RSS {$rss / 1024:.0f} MB')"
}

for jobs in 1 "$(nproc)"; do
  read -r wall cpu rss < <(measure target/release/mtlint check -j "$jobs" --format jsonl "$archive")
  report "mtlint -j $jobs (jsonl out)" "$wall" "$cpu" "$rss"
  eval "wall_$jobs=$wall"
done
read -r wall cpu rss < <(measure target/release/mtlint check --format summary "$archive")
report "mtlint summary, all cores" "$wall" "$cpu" "$rss"

read -r hwall hcpu hrss < <(measure hunspell -d de_DE -l "$text")
report "hunspell -d de_DE -l" "$hwall" "$hcpu" "$hrss"
python3 -c "print(f'speed-up over hunspell: {$hwall / $wall_1:.0f}x on 1 job, {$hwall / $(eval echo \$wall_$(nproc)):.0f}x on all cores')"

hyperfine --warmup 3 --runs 30 --style basic --ignore-failure \
  "target/release/mtlint check $article" 2>&1 | grep -E "Time|Range" || true

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerate mtlint's German lexicon data under dictionaries/de/:
#
#   dictionaries/de/hunspell/de_DE.aff   } from Debian package hunspell-de-de
#   dictionaries/de/hunspell/de_DE.dic   } (igerman98), converted to UTF-8 if needed
#   dictionaries/de/hunspell/COPYRIGHT     the package's copyright file, verbatim
#   dictionaries/de/hunspell/SOURCE.txt    package version and checksums
#   dictionaries/de/wordfreq.tsv           German frequency list from PyPI wordfreq
#   dictionaries/de/LICENSE-wordfreq.txt   CC BY-SA 4.0 attribution for wordfreq.tsv
#   dictionaries/de/SOURCES.md             what each file is and how to rebuild it
#
# Usage (from anywhere inside the repo):
#   bash scripts/build-dictionaries-de.sh
#
# Needs: apt-get + dpkg-deb (Debian/Ubuntu), iconv, sha256sum, python3 with the
# venv module, and network access to the Debian archive and to PyPI.
# If `apt-get download` cannot find the package, run `apt-get update` first.
#
# Optional environment:
#   HUNSPELL_DE_DE_VERSION  exact Debian version to fetch (default: apt's candidate)
#   WORDFREQ_VERSION        exact wordfreq version from PyPI (default: 3.1.1)
#   WORDFREQ_MAX_WORDS      upper bound on exported words (default: 300000)
#
# The script is idempotent: it builds everything in a temporary directory and
# only replaces a file in the repo when its content changed. Output contains no
# timestamps, so a rerun with the same package versions changes nothing.

set -euo pipefail

WORDFREQ_VERSION="${WORDFREQ_VERSION:-3.1.1}"
WORDFREQ_MAX_WORDS="${WORDFREQ_MAX_WORDS:-300000}"
HUNSPELL_DE_DE_VERSION="${HUNSPELL_DE_DE_VERSION:-}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_ROOT/dictionaries/de"
HS_OUT="$OUT_DIR/hunspell"

log() { printf '%s\n' "build-dictionaries-de: $*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in apt-get dpkg-deb iconv sha256sum python3; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found"
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mtlint-dict-de.XXXXXX")"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

STAGE="$TMP/stage"
mkdir -p "$STAGE/hunspell"

# install_file SRC DEST: copy SRC to DEST unless identical; report what happened.
WROTE=()
install_file() {
    local src="$1" dest="$2" state
    mkdir -p "$(dirname "$dest")"
    if [[ -f "$dest" ]] && cmp -s "$src" "$dest"; then
        state="unchanged"
    else
        if [[ -f "$dest" ]]; then state="updated"; else state="created"; fi
        cp "$src" "$dest.tmp.$$"
        chmod 0644 "$dest.tmp.$$"
        mv -f "$dest.tmp.$$" "$dest"
    fi
    WROTE+=("$(printf '%-9s %10s bytes  %s' "$state" "$(stat -c %s "$dest")" "${dest#"$REPO_ROOT"/}")")
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

###############################################################################
# 1. hunspell-de-de from Debian
###############################################################################
log "fetching Debian package hunspell-de-de${HUNSPELL_DE_DE_VERSION:+=$HUNSPELL_DE_DE_VERSION}"
mkdir -p "$TMP/deb"
apt_opts=()
# As root, apt wants to drop to user _apt, which cannot write into our 0700
# temp dir; download as root instead (the file is checked by apt as usual).
if [[ "$(id -u)" == 0 ]]; then apt_opts+=(-o APT::Sandbox::User=root); fi
(
    cd "$TMP/deb"
    apt-get "${apt_opts[@]}" -q download \
        "hunspell-de-de${HUNSPELL_DE_DE_VERSION:+=$HUNSPELL_DE_DE_VERSION}"
) >&2 || die "apt-get download hunspell-de-de failed (try 'apt-get update' first)"

DEB="$(find "$TMP/deb" -maxdepth 1 -name 'hunspell-de-de_*.deb' | head -n1)"
[[ -n "$DEB" ]] || die "no .deb downloaded"
PKG_NAME="$(dpkg-deb -f "$DEB" Package)"
PKG_VERSION="$(dpkg-deb -f "$DEB" Version)"
PKG_ARCH="$(dpkg-deb -f "$DEB" Architecture)"
PKG_SOURCE="$(dpkg-deb -f "$DEB" Source)"
PKG_SOURCE="${PKG_SOURCE:-$PKG_NAME}"
DEB_SHA="$(sha256 "$DEB")"
log "got $(basename "$DEB") ($PKG_NAME $PKG_VERSION, source package $PKG_SOURCE)"

dpkg-deb -x "$DEB" "$TMP/root"
AFF_SRC="$(find "$TMP/root" -type f -name 'de_DE.aff' | sort | head -n1)"
DIC_SRC="$(find "$TMP/root" -type f -name 'de_DE.dic' | sort | head -n1)"
COPYRIGHT_SRC="$TMP/root/usr/share/doc/$PKG_NAME/copyright"
[[ -n "$AFF_SRC" && -n "$DIC_SRC" ]] || die "de_DE.aff/de_DE.dic not found in $DEB"
[[ -f "$COPYRIGHT_SRC" && ! -L "$COPYRIGHT_SRC" ]] \
    || die "copyright file not found as a regular file at ${COPYRIGHT_SRC#"$TMP/root"}"
AFF_REL="${AFF_SRC#"$TMP/root"}"
DIC_REL="${DIC_SRC#"$TMP/root"}"

# Character set as declared by the affix file's SET line.
SRC_ENC="$(grep -m1 -E '^SET[[:space:]]' "$AFF_SRC" | awk '{print $2}' | tr -d '\r' || true)"
SRC_ENC="${SRC_ENC:-ISO8859-1}"   # hunspell's default when SET is absent
case "${SRC_ENC^^}" in
    UTF-8|UTF8)
        ENC_NOTE="already UTF-8 (SET $SRC_ENC); copied byte for byte"
        cp "$AFF_SRC" "$STAGE/hunspell/de_DE.aff"
        cp "$DIC_SRC" "$STAGE/hunspell/de_DE.dic"
        ;;
    *)
        ICONV_ENC="$SRC_ENC"
        if [[ "${SRC_ENC^^}" =~ ^ISO8859-([0-9]+)$ ]]; then
            ICONV_ENC="ISO-8859-${BASH_REMATCH[1]}"
        fi
        log "converting from $ICONV_ENC to UTF-8"
        iconv -f "$ICONV_ENC" -t UTF-8 "$AFF_SRC" > "$STAGE/hunspell/de_DE.aff"
        iconv -f "$ICONV_ENC" -t UTF-8 "$DIC_SRC" > "$STAGE/hunspell/de_DE.dic"
        if grep -q -E '^SET[[:space:]]' "$STAGE/hunspell/de_DE.aff"; then
            sed -i -E '0,/^SET[[:space:]].*/s//SET UTF-8/' "$STAGE/hunspell/de_DE.aff"
        else
            sed -i '1i SET UTF-8' "$STAGE/hunspell/de_DE.aff"
        fi
        ENC_NOTE="converted from $SRC_ENC to UTF-8 with iconv; SET line rewritten to 'SET UTF-8'"
        ;;
esac
cp "$COPYRIGHT_SRC" "$STAGE/hunspell/COPYRIGHT"

cat > "$STAGE/hunspell/SOURCE.txt" <<EOF
Debian package:  $PKG_NAME
Version:         $PKG_VERSION
Architecture:    $PKG_ARCH
Source package:  $PKG_SOURCE (upstream: igerman98, see COPYRIGHT)
Downloaded file: $(basename "$DEB")
SHA-256 (.deb):  $DEB_SHA

de_DE.aff  <- $AFF_REL
de_DE.dic  <- $DIC_REL
COPYRIGHT  <- ${COPYRIGHT_SRC#"$TMP/root"}
Encoding:  $ENC_NOTE

SHA-256 de_DE.aff: $(sha256 "$STAGE/hunspell/de_DE.aff")
SHA-256 de_DE.dic: $(sha256 "$STAGE/hunspell/de_DE.dic")

Regenerate with: bash scripts/build-dictionaries-de.sh
(pin this version with HUNSPELL_DE_DE_VERSION=$PKG_VERSION)
EOF

###############################################################################
# 2. wordfreq from PyPI, in a throw-away venv
###############################################################################
log "installing wordfreq==$WORDFREQ_VERSION into a temporary venv"
python3 -m venv "$TMP/venv" >&2 \
    || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
"$TMP/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-input "wordfreq==$WORDFREQ_VERSION" >&2 \
    || die "pip install wordfreq==$WORDFREQ_VERSION failed"
WF_VERSION="$("$TMP/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("wordfreq"))')"
WF_DATA="$("$TMP/venv/bin/python" -c 'import wordfreq, os; print(os.path.join(os.path.dirname(wordfreq.__file__), "data", "large_de.msgpack.gz"))')"
[[ -f "$WF_DATA" ]] || die "wordfreq $WF_VERSION has no large_de.msgpack.gz"
WF_DATA_SHA="$(sha256 "$WF_DATA")"

"$TMP/venv/bin/python" "$SCRIPT_DIR/wordfreq_export.py" \
    --out "$STAGE/wordfreq.tsv" --max-words "$WORDFREQ_MAX_WORDS" \
    --version "$WF_VERSION" >&2
WF_ROWS="$(grep -vc '^#' "$STAGE/wordfreq.tsv")"

cat > "$STAGE/LICENSE-wordfreq.txt" <<EOF
wordfreq.tsv - attribution and licence
======================================

The file wordfreq.tsv in this directory is an excerpt of the German ("de",
"large") word frequency list of wordfreq $WF_VERSION, by Robyn Speer, developed
at Luminoso (https://github.com/rspeer/wordfreq/), as distributed on PyPI as
the package "wordfreq". It contains the $WF_ROWS most frequent words of that
list as returned by wordfreq.top_n_list (which leaves out wordfreq's
multi-digit placeholder entries such as "00"), with their Zipf frequencies
from wordfreq.zipf_frequency rounded to two decimals, reformatted as
tab-separated text. No words were added or changed.

Licence
-------
The wordfreq data files are licensed under the Creative Commons
Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0):
    https://creativecommons.org/licenses/by-sa/4.0/
    legal code: https://creativecommons.org/licenses/by-sa/4.0/legalcode
wordfreq.tsv, as an adaptation of that data, is likewise available under
CC BY-SA 4.0. (The wordfreq program code is under the Apache License 2.0;
none of that code is included here.)

Data sources
------------
As stated in wordfreq's README, its frequencies are combined from the Exquisite
Corpus project (Luminoso) across these domains: Wikipedia; subtitles (OPUS
OpenSubtitles 2018 and SUBTLEX); news (NewsCrawl 2014 and GlobalVoices); books
(Google Books Ngrams 2012); web text (OSCAR); Twitter; Reddit. For German, the
README lists Wikipedia, subtitles, news, books, web, Twitter and Reddit.

wordfreq's README further states that it:
- contains data extracted from Google Books Ngrams
  (http://books.google.com/ngrams) and Google Books Syntactic Ngrams;
- contains data derived from Creative Commons-licensed sources: the Leeds
  Internet Corpus (University of Leeds Centre for Translation Studies),
  Wikipedia (http://www.wikipedia.org) and ParaCrawl (https://paracrawl.eu);
- contains data from OPUS OpenSubtitles 2018 (http://opus.nlpl.eu/), whose
  data originates from the OpenSubtitles project (http://www.opensubtitles.org/)
  and may be used with attribution to OpenSubtitles;
- contains data from the SUBTLEX word lists (including SUBTLEX-DE) created by
  Marc Brysbaert et al. (http://crr.ugent.be/programs-data/subtitle-frequencies),
  distributed with permission on condition that the SUBTLEX authors are
  credited and that it remains clear that SUBTLEX is freely available data;
- contains statistics collected from the streaming Twitter API.

Credits required by those terms: Google Books Ngram Viewer
(http://books.google.com/ngrams); OpenSubtitles (http://www.opensubtitles.org/);
SUBTLEX-DE by Brysbaert, M., Buchmeier, M., Conrad, M., Jacobs, A.M., Bölte, J.,
& Böhl, A. (2011), Experimental Psychology 58, 412-424 - SUBTLEX is freely
available data.

Citation given by wordfreq: Robyn Speer. (2022). rspeer/wordfreq: v3.0
(v3.0.2). Zenodo. https://doi.org/10.5281/zenodo.7199437
EOF

cat > "$STAGE/SOURCES.md" <<EOF
# German lexicon data (\`dictionaries/de/\`)

The files below are generated by \`scripts/build-dictionaries-de.sh\` (except those
listed under "Written by hand"); do not edit generated files by hand.
To regenerate (Debian/Ubuntu, network access to the Debian
archive and PyPI; \`apt-get update\` first if apt cannot find the package):

    bash scripts/build-dictionaries-de.sh

To reproduce exactly these files, pin the versions recorded below:

    HUNSPELL_DE_DE_VERSION=$PKG_VERSION WORDFREQ_VERSION=$WF_VERSION bash scripts/build-dictionaries-de.sh

The script is idempotent; it reports each file as created, updated or unchanged.

## \`hunspell/de_DE.aff\`, \`hunspell/de_DE.dic\`

German (Germany, new orthography) Hunspell affix and word files from the Debian
package \`$PKG_NAME\` version \`$PKG_VERSION\` (source package \`$PKG_SOURCE\`;
upstream: igerman98 by Björn Jacke), taken from \`$AFF_REL\` and \`$DIC_REL\`
in the package. Encoding: $ENC_NOTE.

- Licence: GPL version 2 or 3, as stated in \`hunspell/COPYRIGHT\` (Debian's
  copyright file, copied verbatim) and in the header of \`de_DE.aff\`
  ("License: GPLv2, GPLv3"). The copyright file also lists a BSD-4-clause
  licence for the upstream file \`ispell/de_DE.aff.in\`; see \`hunspell/COPYRIGHT\`.
- Obtained with: \`apt-get download hunspell-de-de\` and \`dpkg-deb -x\`.

## \`hunspell/COPYRIGHT\`

Debian's machine-readable copyright file of \`$PKG_NAME\` $PKG_VERSION
(\`/usr/share/doc/$PKG_NAME/copyright\`), unchanged.

## \`hunspell/SOURCE.txt\`

Package name, version, SHA-256 of the downloaded \`.deb\` and of the two
dictionary files, and the encoding handling applied.

## \`wordfreq.tsv\`

The $WF_ROWS most frequent words of wordfreq's German "large" list
(\`wordfreq/data/large_de.msgpack.gz\`, SHA-256 \`$WF_DATA_SHA\`) from the PyPI
package \`wordfreq\` $WF_VERSION, by Robyn Speer / Luminoso.

- Format: UTF-8; \`#\` lines are a header; then \`word<TAB>zipf\`, most frequent
  first, zipf rounded to 2 decimals (equal to \`wordfreq.zipf_frequency(word, "de")\`).
  The cut is at most $WORDFREQ_MAX_WORDS words and falls on a frequency-bucket
  boundary (no group of equal-zipf words is split).
- Words are case-folded exactly as wordfreq stores them: lowercase, and
  \`ß\` folded to \`ss\` (e.g. "Straße" is listed as \`strasse\`). Look words up
  with Unicode case folding (\`str.casefold()\` / full case folding), not plain
  lowercasing. The list also contains digits, symbols/emoji and clitic forms
  such as \`gibt's\`.
- Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);
  attribution and the data sources in \`LICENSE-wordfreq.txt\`.
- Obtained with: \`pip install wordfreq==$WF_VERSION\` into a temporary venv, then
  \`scripts/wordfreq_export.py\` (uses \`wordfreq.top_n_list\` and
  \`wordfreq.zipf_frequency\`).

## \`LICENSE-wordfreq.txt\`

Attribution and licence notice for \`wordfreq.tsv\` (written by the script).

## Written by hand (not by the script)

- \`spelling.toml\`: the word lists of the misspelling check (titles and verbs of saying
  that introduce names, name particles, English function words, inflection endings,
  linking elements, verb particles, the noun probe, the keyboard layout). Written for
  mtlint; extend freely.
- \`accept.txt\`: words and names the newsroom accepts although the lexicon does not know
  them, one per line (empty as shipped). Matched regardless of case; the genitive \`-s\`
  of an accepted name is accepted too.

## Derived at build time (not committed)

\`build.rs\` compiles, on every build and without network access, from the files above:

- \`wordfreq-de.bin\`: \`wordfreq.tsv\` as a hash table read in place (word → Zipf);
- \`deletes-de.bin\`: a symmetric-delete index over the words of \`wordfreq.tsv\` with Zipf
  2.5 or more and all its words of eight letters or more (each word and its one-letter
  deletions → the word), for finding the words one typing slip from an unknown word;
  \`deletes-frequent-de.bin\` and \`deletes-common-de.bin\` hold the same for the words of
  Zipf 3.5 and 5.0 and more only (small, so that they stay in the processor's caches);
- \`names-de.bin\`: the personal names of \`hunspell/de_DE.dic\` (capitalised entries whose
  only flag is the genitive \`S\`, e.g. \`Putin/S\`).

They are byte-for-byte determined by the committed files; nothing is downloaded.

## \`SOURCES.md\`

This file (written by the script).
EOF

###############################################################################
# 3. Install into the repo
###############################################################################
install_file "$STAGE/hunspell/de_DE.aff"     "$HS_OUT/de_DE.aff"
install_file "$STAGE/hunspell/de_DE.dic"     "$HS_OUT/de_DE.dic"
install_file "$STAGE/hunspell/COPYRIGHT"     "$HS_OUT/COPYRIGHT"
install_file "$STAGE/hunspell/SOURCE.txt"    "$HS_OUT/SOURCE.txt"
install_file "$STAGE/wordfreq.tsv"           "$OUT_DIR/wordfreq.tsv"
install_file "$STAGE/LICENSE-wordfreq.txt"   "$OUT_DIR/LICENSE-wordfreq.txt"
install_file "$STAGE/SOURCES.md"             "$OUT_DIR/SOURCES.md"

echo "hunspell-de-de $PKG_VERSION, wordfreq $WF_VERSION ($WF_ROWS words); wrote:"
printf '  %s\n' "${WROTE[@]}"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerate mtlint's lexicon data for one language under dictionaries/<lang>/:
#
#   dictionaries/<lang>/hunspell/<locale>.aff  } from a Debian hunspell package,
#   dictionaries/<lang>/hunspell/<locale>.dic  } converted to UTF-8 if needed
#   dictionaries/<lang>/hunspell/COPYRIGHT       the package's copyright file (the
#                                                 language's stanzas for multi-language ones)
#   dictionaries/<lang>/hunspell/SOURCE.txt      package version and checksums
#   dictionaries/<lang>/wordfreq.tsv             frequency list from PyPI wordfreq
#   dictionaries/<lang>/LICENSE-wordfreq.txt     CC BY-SA 4.0 attribution for wordfreq.tsv
#   dictionaries/<lang>/SOURCES.md               what each file is and how to rebuild it
#
# Usage (from anywhere inside the repo):
#   bash scripts/build-dictionaries.sh en|fr|es|de
#
# Languages and packages:
#   en  hunspell-en-us         (SCOWL, Kevin Atkinson; permissive SCOWL licence)
#   fr  hunspell-fr-classical  (Dicollecte / Grammalecte; MPL-2.0) — the dictionary behind
#                               Debian's `hunspell-fr` metapackage
#   es  hunspell-es            (Santiago Bosio; GPL-3+ or LGPL-3+ or MPL-1.1+)
#   de  hunspell-de-de         (igerman98; GPLv2 or GPLv3) — as scripts/build-dictionaries-de.sh
#
# Needs: apt-get + dpkg-deb (Debian/Ubuntu), iconv, sha256sum, python3 with the venv module,
# and network access to the Debian archive and to PyPI. If `apt-get download` cannot find the
# package, run `apt-get update` first.
#
# Optional environment:
#   HUNSPELL_VERSION     exact Debian version to fetch (default: apt's candidate)
#   WORDFREQ_VERSION     exact wordfreq version from PyPI (default: 3.1.1)
#   WORDFREQ_MAX_WORDS   upper bound on exported words (default: 300000)
#
# Idempotent: everything is built in a temporary directory and a file in the repo is only
# replaced when its content changed. The output holds no timestamps.

set -euo pipefail

LANG_CODE="${1:-}"
WORDFREQ_VERSION="${WORDFREQ_VERSION:-3.1.1}"
WORDFREQ_MAX_WORDS="${WORDFREQ_MAX_WORDS:-300000}"
HUNSPELL_VERSION="${HUNSPELL_VERSION:-}"

log() { printf '%s\n' "build-dictionaries: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Per language: Debian package, dictionary file stem inside it, stem in the repo, name,
# upstream, licence summary.
case "$LANG_CODE" in
    en) PKG=hunspell-en-us; SRC_STEM=en_US; OUT_STEM=en_US; LANG_NAME=English
        UPSTREAM="SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson"
        LICENCE_NOTE="the SCOWL licence (a permissive, MIT-like notice) and the notices of the word lists SCOWL includes, as stated in \`hunspell/COPYRIGHT\` (Debian's copyright file, copied verbatim)" ;;
    fr) PKG=hunspell-fr-classical; SRC_STEM=fr; OUT_STEM=fr_FR; LANG_NAME=French
        UPSTREAM="Dictionnaires Français Dicollecte (Grammalecte), variant \"classique\""
        LICENCE_NOTE="MPL-2.0 (Mozilla Public License 2.0), as stated in \`hunspell/COPYRIGHT\` (Debian's copyright file, copied verbatim)" ;;
    es) PKG=hunspell-es; SRC_STEM=es_ES; OUT_STEM=es_ES; LANG_NAME=Spanish
        UPSTREAM="Spanish dictionary of the RLA-ES project by Santiago Bosio, as packaged from LibreOffice's dictionaries"
        LICENCE_NOTE="GPL-3+ or LGPL-3+ or MPL-1.1+ (tri-licence; pick one), as stated for \`dictionaries/es/*\` in \`hunspell/COPYRIGHT\` (the Spanish stanzas of Debian's copyright file for libreoffice-dictionaries, which covers many languages)" ;;
    de) PKG=hunspell-de-de; SRC_STEM=de_DE; OUT_STEM=de_DE; LANG_NAME=German
        UPSTREAM="igerman98 by Björn Jacke"
        LICENCE_NOTE="GPL version 2 or 3, as stated in \`hunspell/COPYRIGHT\` (Debian's copyright file, copied verbatim)" ;;
    *) die "usage: build-dictionaries.sh en|fr|es|de" ;;
esac

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_ROOT/dictionaries/$LANG_CODE"
HS_OUT="$OUT_DIR/hunspell"

for tool in apt-get dpkg-deb iconv sha256sum python3; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found"
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mtlint-dict-$LANG_CODE.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
STAGE="$TMP/stage"
mkdir -p "$STAGE/hunspell"

WROTE=()
# install_file SRC DEST: copy SRC to DEST unless identical; report what happened.
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

# The copyright stanzas that concern one language of a multi-language copyright file:
# the header paragraph, every `Files:` paragraph naming dictionaries/<lang>/, and the
# stand-alone `License:` paragraphs of the licences those name.
copyright_excerpt() {
    python3 - "$1" "$2" <<'PY'
import re, sys
path, lang = sys.argv[1], sys.argv[2]
paras = open(path, encoding="utf-8").read().split("\n\n")
keep = [paras[0]]
licences = set()
for p in paras[1:]:
    m = re.match(r"Files:(.*?)(?:\n\S|$)", p, re.S)
    if m and re.search(rf"dictionaries/{lang}/", m.group(1)):
        keep.append(p)
        lic = re.search(r"^License: *(.+)$", p, re.M)
        if lic:
            licences.update(x.strip() for x in re.split(r"\bor\b|\band\b|,", lic.group(1)))
for p in paras[1:]:
    first = p.split("\n", 1)[0]
    if first.startswith("License:") and first[len("License:"):].strip() in licences:
        keep.append(p)
sys.stdout.write("\n\n".join(keep).rstrip("\n") + "\n")
PY
}

###############################################################################
# 1. The hunspell dictionary from Debian
###############################################################################
log "fetching Debian package $PKG${HUNSPELL_VERSION:+=$HUNSPELL_VERSION}"
mkdir -p "$TMP/deb"
apt_opts=()
# As root, apt drops to user _apt, which cannot write into our 0700 temp dir.
if [[ "$(id -u)" == 0 ]]; then apt_opts+=(-o APT::Sandbox::User=root); fi
(cd "$TMP/deb" && apt-get "${apt_opts[@]}" -q download "$PKG${HUNSPELL_VERSION:+=$HUNSPELL_VERSION}") >&2 \
    || die "apt-get download $PKG failed (try 'apt-get update' first)"

DEB="$(find "$TMP/deb" -maxdepth 1 -name "${PKG}_*.deb" | head -n1)"
[[ -n "$DEB" ]] || die "no .deb downloaded"
PKG_VERSION="$(dpkg-deb -f "$DEB" Version)"
PKG_ARCH="$(dpkg-deb -f "$DEB" Architecture)"
PKG_SOURCE="$(dpkg-deb -f "$DEB" Source | cut -d' ' -f1)"
PKG_SOURCE="${PKG_SOURCE:-$PKG}"
DEB_SHA="$(sha256 "$DEB")"
log "got $(basename "$DEB") ($PKG $PKG_VERSION, source package $PKG_SOURCE)"

dpkg-deb -x "$DEB" "$TMP/root"
# Real files only: several packages ship one dictionary under many symlinked locale names.
AFF_SRC="$(find "$TMP/root" -type f -name "$SRC_STEM.aff" | sort | head -n1)"
DIC_SRC="$(find "$TMP/root" -type f -name "$SRC_STEM.dic" | sort | head -n1)"
COPYRIGHT_SRC="$TMP/root/usr/share/doc/$PKG/copyright"
[[ -n "$AFF_SRC" && -n "$DIC_SRC" ]] || die "$SRC_STEM.aff/.dic not found in $DEB"
[[ -f "$COPYRIGHT_SRC" && ! -L "$COPYRIGHT_SRC" ]] || die "no copyright file in $DEB"
AFF_REL="${AFF_SRC#"$TMP/root"}"
DIC_REL="${DIC_SRC#"$TMP/root"}"

SRC_ENC="$(grep -m1 -E '^SET[[:space:]]' "$AFF_SRC" | awk '{print $2}' | tr -d '\r' || true)"
SRC_ENC="${SRC_ENC:-ISO8859-1}"   # hunspell's default when SET is absent
case "${SRC_ENC^^}" in
    UTF-8|UTF8)
        ENC_NOTE="already UTF-8 (SET $SRC_ENC); copied byte for byte"
        cp "$AFF_SRC" "$STAGE/hunspell/$OUT_STEM.aff"
        cp "$DIC_SRC" "$STAGE/hunspell/$OUT_STEM.dic" ;;
    *)
        ICONV_ENC="$SRC_ENC"
        if [[ "${SRC_ENC^^}" =~ ^ISO8859-([0-9]+)$ ]]; then ICONV_ENC="ISO-8859-${BASH_REMATCH[1]}"; fi
        log "converting from $ICONV_ENC to UTF-8"
        iconv -f "$ICONV_ENC" -t UTF-8 "$AFF_SRC" > "$STAGE/hunspell/$OUT_STEM.aff"
        iconv -f "$ICONV_ENC" -t UTF-8 "$DIC_SRC" > "$STAGE/hunspell/$OUT_STEM.dic"
        if grep -q -E '^SET[[:space:]]' "$STAGE/hunspell/$OUT_STEM.aff"; then
            sed -i -E '0,/^SET[[:space:]].*/s//SET UTF-8/' "$STAGE/hunspell/$OUT_STEM.aff"
        else
            sed -i '1i SET UTF-8' "$STAGE/hunspell/$OUT_STEM.aff"
        fi
        ENC_NOTE="converted from $SRC_ENC to UTF-8 with iconv; SET line rewritten to 'SET UTF-8'" ;;
esac

if grep -q '^Files: dictionaries/' "$COPYRIGHT_SRC"; then
    copyright_excerpt "$COPYRIGHT_SRC" "$LANG_CODE" > "$STAGE/hunspell/COPYRIGHT"
    COPYRIGHT_NOTE="excerpt of Debian's copyright file for the multi-language source package $PKG_SOURCE: its header, the stanzas for dictionaries/$LANG_CODE/ and the licence texts they name, unchanged"
else
    cp "$COPYRIGHT_SRC" "$STAGE/hunspell/COPYRIGHT"
    COPYRIGHT_NOTE="Debian's copyright file, copied verbatim"
fi

cat > "$STAGE/hunspell/SOURCE.txt" <<EOF
Debian package:  $PKG
Version:         $PKG_VERSION
Architecture:    $PKG_ARCH
Source package:  $PKG_SOURCE (upstream: $UPSTREAM; see COPYRIGHT)
Downloaded file: $(basename "$DEB")
SHA-256 (.deb):  $DEB_SHA

$OUT_STEM.aff  <- $AFF_REL
$OUT_STEM.dic  <- $DIC_REL
COPYRIGHT  <- ${COPYRIGHT_SRC#"$TMP/root"} ($COPYRIGHT_NOTE)
Encoding:  $ENC_NOTE

SHA-256 $OUT_STEM.aff: $(sha256 "$STAGE/hunspell/$OUT_STEM.aff")
SHA-256 $OUT_STEM.dic: $(sha256 "$STAGE/hunspell/$OUT_STEM.dic")

Regenerate with: bash scripts/build-dictionaries.sh $LANG_CODE
(pin this version with HUNSPELL_VERSION=$PKG_VERSION)
EOF

###############################################################################
# 2. wordfreq from PyPI, in a throw-away venv
###############################################################################
log "installing wordfreq==$WORDFREQ_VERSION into a temporary venv"
python3 -m venv "$TMP/venv" >&2 || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
"$TMP/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    "wordfreq==$WORDFREQ_VERSION" >&2 || die "pip install wordfreq==$WORDFREQ_VERSION failed"
WF_VERSION="$("$TMP/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("wordfreq"))')"
WF_DATA="$("$TMP/venv/bin/python" -c "import wordfreq, os; print(os.path.join(os.path.dirname(wordfreq.__file__), 'data', 'large_$LANG_CODE.msgpack.gz'))")"
[[ -f "$WF_DATA" ]] || die "wordfreq $WF_VERSION has no large_$LANG_CODE.msgpack.gz"
WF_DATA_SHA="$(sha256 "$WF_DATA")"

"$TMP/venv/bin/python" "$SCRIPT_DIR/wordfreq_export.py" --lang "$LANG_CODE" \
    --generated-by "scripts/build-dictionaries.sh $LANG_CODE" \
    --out "$STAGE/wordfreq.tsv" --max-words "$WORDFREQ_MAX_WORDS" --version "$WF_VERSION" >&2
WF_ROWS="$(grep -vc '^#' "$STAGE/wordfreq.tsv")"

cat > "$STAGE/LICENSE-wordfreq.txt" <<EOF
wordfreq.tsv - attribution and licence
======================================

The file wordfreq.tsv in this directory is an excerpt of the $LANG_NAME ("$LANG_CODE",
"large") word frequency list of wordfreq $WF_VERSION, by Robyn Speer, developed at
Luminoso (https://github.com/rspeer/wordfreq/), as distributed on PyPI as the package
"wordfreq". It contains the $WF_ROWS most frequent words of that list as returned by
wordfreq.top_n_list (which leaves out wordfreq's multi-digit placeholder entries such
as "00"), with their Zipf frequencies from wordfreq.zipf_frequency rounded to two
decimals, reformatted as tab-separated text. No words were added or changed.

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
(Google Books Ngrams 2012); web text (OSCAR); Twitter; Reddit. Which domains a
language draws on is listed per language in that README.

wordfreq's README further states that it:
- contains data extracted from Google Books Ngrams
  (http://books.google.com/ngrams) and Google Books Syntactic Ngrams;
- contains data derived from Creative Commons-licensed sources: the Leeds
  Internet Corpus (University of Leeds Centre for Translation Studies),
  Wikipedia (http://www.wikipedia.org) and ParaCrawl (https://paracrawl.eu);
- contains data from OPUS OpenSubtitles 2018 (http://opus.nlpl.eu/), whose
  data originates from the OpenSubtitles project (http://www.opensubtitles.org/)
  and may be used with attribution to OpenSubtitles;
- contains data from the SUBTLEX word lists created by Marc Brysbaert et al.
  (http://crr.ugent.be/programs-data/subtitle-frequencies), distributed with
  permission on condition that the SUBTLEX authors are credited and that it
  remains clear that SUBTLEX is freely available data;
- contains statistics collected from the streaming Twitter API.

Credits required by those terms: Google Books Ngram Viewer
(http://books.google.com/ngrams); OpenSubtitles (http://www.opensubtitles.org/);
the SUBTLEX word lists by Brysbaert et al. - SUBTLEX is freely available data.

Citation given by wordfreq: Robyn Speer. (2022). rspeer/wordfreq: v3.0
(v3.0.2). Zenodo. https://doi.org/10.5281/zenodo.7199437
EOF

cat > "$STAGE/SOURCES.md" <<EOF
# $LANG_NAME lexicon data (\`dictionaries/$LANG_CODE/\`)

\`hunspell/\`, \`wordfreq.tsv\`, \`LICENSE-wordfreq.txt\` and this file are generated by
\`scripts/build-dictionaries.sh $LANG_CODE\`; do not edit them by hand. To regenerate
(Debian/Ubuntu, network access to the Debian archive and PyPI; \`apt-get update\` first if
apt cannot find the package):

    bash scripts/build-dictionaries.sh $LANG_CODE

To reproduce exactly these files, pin the versions recorded below:

    HUNSPELL_VERSION=$PKG_VERSION WORDFREQ_VERSION=$WF_VERSION bash scripts/build-dictionaries.sh $LANG_CODE

## \`hunspell/$OUT_STEM.aff\`, \`hunspell/$OUT_STEM.dic\`

$LANG_NAME Hunspell affix and word files from the Debian package \`$PKG\` version
\`$PKG_VERSION\` (source package \`$PKG_SOURCE\`; upstream: $UPSTREAM), taken from
\`$AFF_REL\` and \`$DIC_REL\`. Encoding: $ENC_NOTE.

- Licence: $LICENCE_NOTE.
- Obtained with: \`apt-get download $PKG\` and \`dpkg-deb -x\`.

## \`hunspell/COPYRIGHT\`, \`hunspell/SOURCE.txt\`

The licence and attribution of the dictionary ($COPYRIGHT_NOTE); the package version, the
SHA-256 of the downloaded \`.deb\` and of the two dictionary files.

## \`wordfreq.tsv\`

The $WF_ROWS most frequent words of wordfreq's $LANG_NAME "large" list
(\`wordfreq/data/large_$LANG_CODE.msgpack.gz\`, SHA-256 \`$WF_DATA_SHA\`) from the PyPI package
\`wordfreq\` $WF_VERSION, by Robyn Speer / Luminoso.

- Format: UTF-8; \`#\` lines are a header; then \`word<TAB>zipf\`, most frequent first, zipf
  rounded to 2 decimals (equal to \`wordfreq.zipf_frequency(word, "$LANG_CODE")\`). The cut is
  at most $WORDFREQ_MAX_WORDS words and falls on a frequency-bucket boundary.
- Words are case-folded as wordfreq stores them (lowercase). Look words up with Unicode case
  folding.
- Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); attribution and
  the data sources in \`LICENSE-wordfreq.txt\`.
- Obtained with: \`pip install wordfreq==$WF_VERSION\` into a temporary venv, then
  \`scripts/wordfreq_export.py --lang $LANG_CODE\`.
EOF

###############################################################################
# 3. Install into the repo
###############################################################################
install_file "$STAGE/hunspell/$OUT_STEM.aff"  "$HS_OUT/$OUT_STEM.aff"
install_file "$STAGE/hunspell/$OUT_STEM.dic"  "$HS_OUT/$OUT_STEM.dic"
install_file "$STAGE/hunspell/COPYRIGHT"      "$HS_OUT/COPYRIGHT"
install_file "$STAGE/hunspell/SOURCE.txt"     "$HS_OUT/SOURCE.txt"
install_file "$STAGE/wordfreq.tsv"            "$OUT_DIR/wordfreq.tsv"
install_file "$STAGE/LICENSE-wordfreq.txt"    "$OUT_DIR/LICENSE-wordfreq.txt"
install_file "$STAGE/SOURCES.md"              "$OUT_DIR/SOURCES.md"

echo "$PKG $PKG_VERSION, wordfreq $WF_VERSION ($WF_ROWS words); wrote:"
printf '  %s\n' "${WROTE[@]}"

#!/usr/bin/env bash
# Speaks the default voice prompts: for each text file Default/<lang>.txt given, one WAV per key in
# OUT/<lang>/<key>.wav, spoken by the espeak-ng voice named <lang>, then made telephone-ready by sox:
# 8 kHz mono 16-bit PCM (what G.711 carries, ITU-T G.711 §1), leading and trailing silence trimmed to a
# short pad so that joined pieces ("you are caller number" "three") flow, peak normalised to -3 dBFS,
# no dither so that the same text always gives the same bytes.
#
#   generate-prompts.sh OUT Default/en.txt Default/fr.txt
#
# Exit codes: 0 done; 3 espeak-ng or sox missing (nothing changed); 1 anything else (a malformed line, a failed tool).
# The set is written beside OUT and swapped in at the end: a failed run leaves the previous set whole.
set -euo pipefail

if [[ ${1:-} == --one ]]; then
    # One prompt: voice, wav path, text. The text goes through standard input so that no word is read as an option.
    voice=$2 wav=$3 text=$4
    printf '%s' "$text" | espeak-ng -v "$voice" -s 150 --stdout \
        | sox -D -t wav - -c 1 -b 16 -e signed-integer "$wav.tmp.wav" \
            silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse pad 0.05 0.1 rate 8000 norm -3
    mv "$wav.tmp.wav" "$wav"
    exit 0
fi

if (( $# < 2 )); then
    echo "usage: $0 OUT TEXTFILE..." >&2
    exit 1
fi

for tool in espeak-ng sox; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$tool not found: voice prompts not generated (sudo apt-get install espeak-ng sox)" >&2
        exit 3
    fi
done

out=${1%/}
shift
staging="$out.new"
rm -rf "$staging"

# Three lines per prompt (voice, wav, text) for xargs; keys are checked here as the catalogue checks them.
for file in "$@"; do
    lang=$(basename "$file" .txt)
    mkdir -p "$staging/$lang"
    awk -v lang="$lang" -v dir="$staging/$lang" -v file="$file" '
        { sub(/\r$/, "") }
        /^#/ || /^[ \t]*$/ { next }
        {
            key = $1
            text = $0
            sub(/^[^ \t]+[ \t]+/, "", text)
            if (key !~ /^[a-z0-9][a-z0-9._-]*$/ || text == $0 || text ~ /^[ \t]*$/) {
                printf "%s:%d: expected \"key<TAB>text\" with a key of a-z 0-9 . _ -\n", file, NR > "/dev/stderr"
                exit 1
            }
            print lang
            print dir "/" key ".wav"
            print text
        }' "$file"
done | xargs -r -d '\n' -n 3 -P "$(nproc)" "$BASH" "$0" --one

rm -rf "$out"
mv "$staging" "$out"

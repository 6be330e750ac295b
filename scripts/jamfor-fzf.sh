#!/usr/bin/env bash
# Jämför `insats search FRÅGA --format tsv` med `fzf --filter FRÅGA` som hela processer
# (hyperfine), på samma namn: de 409 riktiga insatserna och en syntetisk katalog med 100 000
# insatser som insats läser med --data. Mäter tangent → skärm i den interaktiva appen och i
# fzf (scripts/tangentlatens.py: en pty, `motiv` skrivet om och om igen, 60 tangenter) och
# största residenta minne (GNU time, samma värde som "Maximum resident set size" i `time -v`).
#
#   scripts/jamfor-fzf.sh [UTKATALOG]        (standard: target/jamforelse)
#
# Behöver cargo, hyperfine, fzf, GNU time (/usr/bin/time) och python3; tmux om minnet i den
# interaktiva appen också ska mätas (hoppas annars över). Installerar ingenting själv.
# Antal körningar: RUNS och WARMUP (409 namn), RUNS_STOR och WARMUP_STOR (100 000),
# TANGENTER (60). På Linux x86_64 byggs insats också statiskt länkad (glibc, crt-static) och
# jämförs med den vanliga binären; STATISK=0 hoppar över det.
# Resultat: UTKATALOG/sok-*.json och *.md från hyperfine, UTKATALOG/sammanfattning.md.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/jamforelse}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-100}
WARMUP_STOR=${WARMUP_STOR:-2}
RUNS_STOR=${RUNS_STOR:-10}
TANGENTER=${TANGENTER:-60}
STOR=100000
QUERIES=("motiv" "mi" "motiverande samtal" "stöd anhöriga")

missing=()
command -v cargo >/dev/null || missing+=(cargo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v fzf >/dev/null || missing+=(fzf)
[ -x /usr/bin/time ] || missing+=("time (GNU)")
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  echo "jamfor-fzf: saknas: ${missing[*]}" >&2
  echo "installera till exempel med:  sudo apt-get install hyperfine fzf time python3" >&2
  exit 2
fi

mkdir -p "$OUT"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== bygger insats och synth (release)" >&2
cargo build --release --quiet --bin insats --example synth
BIN=target/release/insats
SYNTH=target/release/examples/synth

echo "== data: de riktiga namnen och $STOR syntetiska insatser" >&2
# A synthetic catalogue starts with the real insatser; with --rows 409 it is the real one.
"$SYNTH" --rows 409 --out "$OUT/data-409" --names "$OUT/namn-409.txt" >&2
"$SYNTH" --rows "$STOR" --out "$OUT/data-$STOR" --names "$OUT/namn-$STOR.txt" >&2
real=$(wc -l <"$OUT/namn-409.txt")

# hyperfine 1.16 and later can feed a file to a command's standard input without a shell
# (--input). Older ones run both commands through the same shell with `<FIL`; hyperfine
# subtracts the shell's own start-up time, which makes small times noisier.
if hyperfine --help | grep -q -- '--input'; then
  mode=input
else
  mode=shell
fi
echo "== hyperfine $(hyperfine --version | cut -d' ' -f2), läge: $mode" >&2

median_ms() { # hyperfine JSON file, result number (1-based) -> median in ms
  grep -o '"median": *[0-9.e+-]*' "$1" | sed -n "${2}p" | awk '{printf "%.2f", $2 * 1000}'
}

summary="$OUT/sammanfattning.md"
{
  echo "| Namn | Fråga | insats search, median (ms) | fzf --filter, median (ms) | Kvot insats/fzf |"
  echo "|---:|---|---:|---:|---:|"
} >"$summary"

compare() { # rows, data dir ("" = embedded), names file, query, slug, warmup, runs
  local rows=$1 data=$2 names=$3 q=$4 slug=$5 warmup=$6 runs=$7
  local json="$OUT/sok-$rows-$slug.json" insats_cmd fzf_cmd args=()
  insats_cmd="$BIN"
  [ -n "$data" ] && insats_cmd+=" --data '$data'"
  insats_cmd+=" search '$q' --format tsv"
  fzf_cmd="fzf --filter '$q'"
  if [ "$mode" = input ]; then
    args=(-N --input "$names")
  else
    insats_cmd+=" <'$names'"
    fzf_cmd+=" <'$names'"
  fi
  hyperfine "${args[@]}" --style basic --warmup "$warmup" --runs "$runs" \
    --export-json "$json" --export-markdown "$OUT/sok-$rows-$slug.md" \
    -n "insats search ($rows)" "$insats_cmd" \
    -n "fzf --filter ($rows)" "$fzf_cmd" >&2
  local a b
  a=$(median_ms "$json" 1)
  b=$(median_ms "$json" 2)
  echo "| $rows | \`$q\` | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }') |" >>"$summary"
}

for q in "${QUERIES[@]}"; do
  slug=$(printf '%s' "$q" | sed 's/ /-/g; s/[åä]/a/g; s/ö/o/g')
  echo "== $real namn: $q" >&2
  compare "$real" "" "$OUT/namn-409.txt" "$q" "$slug" "$WARMUP" "$RUNS"
done
for q in "${QUERIES[@]}"; do
  slug=$(printf '%s' "$q" | sed 's/ /-/g; s/[åä]/a/g; s/ö/o/g')
  echo "== $STOR namn: $q" >&2
  compare "$STOR" "$OUT/data-$STOR" "$OUT/namn-$STOR.txt" "$q" "$slug" "$WARMUP_STOR" "$RUNS_STOR"
done

echo "== tangent → skärm (pty 120x40, $TANGENTER tangenter)" >&2
keys() { # rows, name, json slug, stdin file ("" = none), command...
  local rows=$1 name=$2 slug=$3 input=$4
  shift 4
  local args=(--tangenter "$TANGENTER" --namn "$name" --json "$OUT/tangent-$rows-$slug.json")
  [ -n "$input" ] && args+=(--stdin "$input")
  python3 scripts/tangentlatens.py "${args[@]}" -- "$@" >&2
}
keys_ms() { # json file, field -> ms with two decimals
  python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}
keys "$real" "insats ($real)" insats "" "$BIN"
keys "$real" "fzf ($real)" fzf "$OUT/namn-409.txt" fzf
keys "$STOR" "insats ($STOR)" insats "" "$BIN" --data "$OUT/data-$STOR"
keys "$STOR" "fzf ($STOR)" fzf "$OUT/namn-$STOR.txt" fzf
{
  echo
  echo "| Tangent → skärm, \`motiv\` | insats median (ms) | fzf median (ms) | kvot | insats p90 (ms) | fzf p90 (ms) | kvot p90 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for rows in "$real" "$STOR"; do
    a=$(keys_ms "$OUT/tangent-$rows-insats.json" median_ms)
    b=$(keys_ms "$OUT/tangent-$rows-fzf.json" median_ms)
    c=$(keys_ms "$OUT/tangent-$rows-insats.json" p90_ms)
    d=$(keys_ms "$OUT/tangent-$rows-fzf.json" p90_ms)
    echo "| $rows namn | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }') | $c | $d | $(awk -v a="$c" -v b="$d" 'BEGIN { printf "%.2f", a / b }') |"
  done
} >>"$summary"

echo "== minne (största residenta minne)" >&2
rss_mb() { # command... -> max RSS in MB (GNU time %M, KiB)
  /usr/bin/time -f '%M' -o "$OUT/rss.txt" "$@" >/dev/null
  awk '{ printf "%.1f", $1 / 1024 }' "$OUT/rss.txt"
}
{
  echo
  echo "| Process | Största residenta minne (MB) |"
  echo "|---|---:|"
  echo "| \`insats search mi --format tsv\` (inbyggd data, 409) | $(rss_mb "$BIN" search mi --format tsv) |"
  echo "| \`insats export --format csv\` (inbyggd data, 409) | $(rss_mb "$BIN" export --format csv) |"
  echo "| \`insats --data … search mi --format tsv\` ($STOR) | $(rss_mb "$BIN" --data "$OUT/data-$STOR" search mi --format tsv) |"
  echo "| \`insats --data … search motiv --format tsv\` ($STOR) | $(rss_mb "$BIN" --data "$OUT/data-$STOR" search motiv --format tsv) |"
  echo "| \`fzf --filter motiv\` ($STOR namn) | $(rss_mb sh -c "exec fzf --filter motiv <'$OUT/namn-$STOR.txt'") |"
  echo "| \`fzf --filter mi\` (409 namn) | $(rss_mb sh -c "exec fzf --filter mi <'$OUT/namn-409.txt'") |"
} >>"$summary"

if command -v tmux >/dev/null; then
  # The interactive app in a 120x40 terminal, with its own empty home so that no settings
  # or checklists of the user are read or written: start, search, move, then read the
  # high-water mark of its resident memory (VmHWM) before quitting.
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  app_rss() { # label, extra arguments...
    local label=$1 session="insats-minne-$$" pid kb screen
    shift
    tmux new-session -d -s "$session" -x 120 -y 40 \
      "exec env HOME='$home' XDG_CONFIG_HOME='$home/config' XDG_DATA_HOME='$home/data' $BIN $*"
    sleep 2
    # Escape closes the first-start hint, if shown.
    tmux send-keys -t "$session" Escape
    sleep 0.3
    tmux send-keys -t "$session" / m o t i v e r a n d e
    sleep 1
    tmux send-keys -t "$session" Enter Down Down
    sleep 1
    screen=$(tmux capture-pane -p -t "$session")
    pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
    kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
    tmux send-keys -t "$session" q
    sleep 0.5
    tmux kill-session -t "$session" 2>/dev/null || true
    if ! grep -qi 'motiverande' <<<"$screen"; then
      echo "obs: sökningen syntes inte på skärmen för: $label" >&2
    fi
    echo "| $label | $(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }') |" >>"$summary"
  }
  app_rss "\`insats\`, interaktiv i tmux 120x40, efter en sökning (inbyggd data, 409)"
  app_rss "\`insats --data …\`, interaktiv, efter en sökning ($STOR)" --data "$OUT/data-$STOR"
else
  echo "(tmux saknas: minnet i den interaktiva appen mäts inte)" >&2
fi

host=$(rustc -vV | sed -n 's/^host: //p')
if [ "${STATISK:-1}" = 1 ] && [ "$host" = x86_64-unknown-linux-gnu ]; then
  # The same release profile, linked statically: no dynamic loader or relocations at start.
  echo "== statiskt länkad (crt-static)" >&2
  RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --quiet --bin insats \
    --target "$host" --target-dir target/statisk
  STATIC_BIN="target/statisk/$host/release/insats"
  json="$OUT/statisk.json"
  hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$json" \
    -n "dynamiskt länkad" "$BIN search motiv --format tsv" \
    -n "statiskt länkad" "$STATIC_BIN search motiv --format tsv" >&2
  a=$(median_ms "$json" 1)
  b=$(median_ms "$json" 2)
  {
    echo
    echo "| \`insats search motiv\` (409) | median (ms) |"
    echo "|---|---:|"
    echo "| dynamiskt länkad (\`cargo build --release\`) | $a |"
    echo "| statiskt länkad (crt-static) | $b |"
    echo "| kvot statisk/dynamisk | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }') |"
  } >>"$summary"
fi

{
  echo
  echo "hyperfine $(hyperfine --version | cut -d' ' -f2) (läge: $mode), $(fzf --version | cut -d' ' -f1 | sed 's/^/fzf /'); körningar: $RUNS (409), $RUNS_STOR ($STOR)."
  echo "Maskin: $(nproc) kärnor, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM."
  echo "Belastning (1, 5, 15 min) före: $load_before, efter: $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$summary"
echo >&2
cat "$summary"

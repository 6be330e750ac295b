#!/usr/bin/env bash
# Jämför insats på Windows med insats på Linux: korsbygger insats.exe med
# ../shared/tools/windows-check (Debians andra rustc, mingw-w64), kör samma kommandon under Wine
# och med Linux-binären, och kräver samma utdata (standard ut) och samma slutkod. CI kör detta
# (.ci/run), så en ändring som inte bygger eller beter sig annorlunda på Windows stoppas.
#
#   scripts/jamfor-windows.sh [LINUX_BINÄR]   (standard: target/debug/insats, byggs vid behov)
#
# WINDOWS_CHECK pekar ut verktyget om det ligger någon annanstans. Första körningen installerar
# paket (verktyget behöver root) och bygger std för Windows; senare körningar bygger bara om
# det som ändrats. Slutkod 0 när allt är lika, 1 vid en skillnad, annars verktygets slutkod
# (t.ex. när insats inte bygger för Windows).
set -euo pipefail
cd "$(dirname "$0")/.."

check=${WINDOWS_CHECK:-../shared/tools/windows-check}
if [ ! -x "$check" ]; then
  echo "jamfor-windows: $check saknas" >&2
  exit 2
fi
linux=${1:-}
if [ -z "$linux" ]; then
  cargo build --quiet --bin insats
  linux=target/debug/insats
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Build once; a build error stops here with the compiler's messages.
echo "jamfor-windows: bygger insats.exe" >&2
if ! "$check" -- --version >"$tmp/version.win" 2>"$tmp/build.log"; then
  cat "$tmp/build.log" >&2
  echo "jamfor-windows: insats bygger inte för Windows (se ovan)" >&2
  exit 3
fi
"$linux" --version >"$tmp/version.linux"

fail=0
n=0
# compare NAME ARGS...: run `insats ARGS` on both; stdout and exit status must be equal.
compare() {
  local name=$1
  shift
  local lrc=0 wrc=0
  "$linux" "$@" >"$tmp/$name.linux" 2>"$tmp/$name.linux.err" || lrc=$?
  "$check" -- "$@" >"$tmp/$name.win" 2>"$tmp/$name.win.err" || wrc=$?
  n=$((n + 1))
  if [ "$lrc" -eq "$wrc" ] && cmp -s "$tmp/$name.linux" "$tmp/$name.win"; then
    printf 'lika     insats %s  (%s rader, slutkod %s)\n' "$*" "$(wc -l <"$tmp/$name.linux")" "$lrc"
  else
    fail=1
    printf 'OLIKA    insats %s  (slutkod Linux %s, Windows %s)\n' "$*" "$lrc" "$wrc"
    diff -u --label linux --label windows "$tmp/$name.linux" "$tmp/$name.win" | head -40 || true
    echo "--- standard fel under Wine:"
    grep -v '^windows-check: \|^\$ insats.exe ' "$tmp/$name.win.err" | tail -20 || true
  fi
}

if cmp -s "$tmp/version.linux" "$tmp/version.win"; then
  echo "lika     insats --version  ($(cat "$tmp/version.linux"))"
else
  fail=1
  echo "OLIKA    insats --version: Linux $(cat "$tmp/version.linux"), Windows $(cat "$tmp/version.win")"
fi
n=$((n + 1))

compare search-hvb search hvb
compare search-mi-tsv search mi --limit 5 --format tsv
compare search-aterfall search aterfall --format json
compare search-none search qqq
compare show show aldre-2.1-hemtjanst
compare show-ambiguous show "Motiverande samtal (MI)"
compare export-csv export --format csv
compare export-json export --format json
compare stats stats --sort digital --top 10
compare stats-omrade stats --per-omrade --format csv
compare indikatorer indikatorer --format csv
compare indikator indikator 28
compare keymap keymap

# A catalogue from files (--data): read a part at a time and made into insatser on two
# threads, in batches; 2 000 insatser are several batches. Then the same with a byte that is
# not UTF-8 far into the file: both must stop with the same exit status.
synth=${SYNTH:-target/debug/examples/synth}
[ -x "$synth" ] || cargo build --quiet --example synth
"$synth" --rows 2000 --out "$tmp/data" >/dev/null 2>&1
cp -r "$tmp/data" "$tmp/trasig"
printf 'synt-x,\xff\n' >>"$tmp/trasig/insatser.csv"
compare data-search --data "$tmp/data" search motiv --format tsv
compare data-trasig --data "$tmp/trasig" search motiv

# A checklist written by each, then exported by each; the files must be equal too.
for os in linux win; do
  if [ "$os" = linux ]; then run=("$linux"); else run=("$check" --); fi
  f="$tmp/checklista-$os.toml"
  "${run[@]}" checklista set 12 uppfylld --omrade alla --checklista "$f" >/dev/null 2>>"$tmp/checklista.err"
  "${run[@]}" checklista set 30 ej-uppfylld --anteckning "Tas upp i nämnden i maj." \
    --checklista "$f" >/dev/null 2>>"$tmp/checklista.err"
done
n=$((n + 1))
if cmp -s "$tmp/checklista-linux.toml" "$tmp/checklista-win.toml"; then
  echo "lika     insats checklista set (filen, $(wc -l <"$tmp/checklista-linux.toml") rader)"
else
  fail=1
  echo "OLIKA    insats checklista set (filen)"
  diff -u "$tmp/checklista-linux.toml" "$tmp/checklista-win.toml" | head -40 || true
  tail -20 "$tmp/checklista.err" || true
fi
# Both export the Linux file, so a difference is the export's, not the file's.
compare checklista-md checklista export --checklista "$tmp/checklista-linux.toml"
compare checklista-csv checklista export --checklista "$tmp/checklista-linux.toml" --format csv

if [ "$fail" = 0 ]; then
  echo "jamfor-windows: alla $n jämförelser lika"
else
  echo "jamfor-windows: Windows skiljer sig från Linux (se ovan)" >&2
fi
exit "$fail"

#!/usr/bin/env bash
# Peer comparison (not run in CI): generate DOCS Markdown documents, then time
# on the same files, in one run: `styrkoll check` with every pack,
# markdownlint-cli2 and rumdl with only their required-headings rule (MD043),
# and `cat` as the I/O floor. Prints wall time, throughput and peak memory
# (GNU time) for each, and the ratios. The peers are installed into a
# temporary folder (npm, pip); nothing is installed globally.
#
#   bench/compare.sh [DOCS]        (default 2000; RUNS=3 rounds of every tool)
set -euo pipefail

DOCS=${1:-2000}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=${TMP_DIR:-$(mktemp -d)}
CORPUS="$TMP/corpus"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time (/usr/bin/time) saknas: apt-get install time" >&2; exit 2; }

echo "== bygger styrkoll (release)" >&2
(cd "$ROOT" && cargo build --release -q && cargo build --release -q --example gen_corpus)
STYRKOLL="$ROOT/target/release/styrkoll"

echo "== installerar jämförelseverktygen i $TMP" >&2
if [ ! -x "$TMP/node_modules/.bin/markdownlint-cli2" ]; then
  npm install --silent --prefix "$TMP" markdownlint-cli2 >&2
fi
if [ ! -x "$TMP/venv/bin/rumdl" ]; then
  python3 -m venv "$TMP/venv" && "$TMP/venv/bin/pip" install -q rumdl >&2
fi
MDL="$TMP/node_modules/.bin/markdownlint-cli2"
RUMDL="$TMP/venv/bin/rumdl"

echo "== genererar $DOCS dokument" >&2
rm -rf "$CORPUS"
"$ROOT/target/release/examples/gen_corpus" --docs "$DOCS" --out "$CORPUS" --format md --seed 7
BYTES=$(cat "$CORPUS"/*.md | wc -c)

# MD043 only, with the headings a handlingsplan must have ("*" = any
# headings in between), as a repository would configure it.
HEADINGS='"*", "## 1 Inledning", "*", "## 2 Mål", "*"'
cat > "$CORPUS/.markdownlint-cli2.jsonc" <<JSON
{ "config": { "default": false, "MD043": { "headings": [ $HEADINGS ] } } }
JSON
cat > "$TMP/rumdl.toml" <<TOML
[global]
enable = ["MD043"]
[MD043]
headings = [ $HEADINGS ]
TOML

# The tools take turns, RUNS rounds, so that a machine whose speed drifts
# (a shared VM) slows them alike. Wall time is bash's clock in microseconds
# ($EPOCHREALTIME, no process started to read it) around each run, GNU
# time's own start included (GNU time's %e has 10 ms steps, too coarse for
# tools a few % apart); peak memory from GNU time.
TOOLS=(cat styrkoll styrkoll-1-tråd rumdl markdownlint-cli2)
# The command of each tool, in CMD.
command_of() {
  case $1 in
    cat) CMD=(cat ./*.md) ;;
    styrkoll) CMD=("$STYRKOLL" check --no-config --format short .) ;;
    styrkoll-1-tråd) CMD=("$STYRKOLL" check --no-config --format short --threads 1 .) ;;
    rumdl) CMD=("$RUMDL" check --no-cache --config "$TMP/rumdl.toml" --output-format concise .) ;;
    markdownlint-cli2) CMD=("$MDL" "**/*.md") ;;
  esac
}

cd "$CORPUS"
rm -f "$TMP"/walls-* "$TMP"/rss-*
for _ in $(seq "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    command_of "$tool"
    start=${EPOCHREALTIME/[.,]/}
    "$TIME" -f "%M" -o "$TMP/time.txt" "${CMD[@]}" > /dev/null 2>&1 || true
    end=${EPOCHREALTIME/[.,]/}
    echo $(( end - start )) >> "$TMP/walls-$tool"
    # GNU time writes "Command exited with non-zero status" first when the
    # tool reports findings: the figure is on the last line.
    tail -n 1 "$TMP/time.txt" >> "$TMP/rss-$tool"
  done
done
# name, median wall (s), peak RSS (KB, the largest of the runs)
for tool in "${TOOLS[@]}"; do
  median=$(sort -n "$TMP/walls-$tool" | sed -n "$(( (RUNS + 1) / 2 ))p")
  rss=$(sort -n "$TMP/rss-$tool" | tail -n 1)
  awk -v n="$tool" -v m="$median" -v k="$rss" 'BEGIN{printf "%s %.3f %s\n", n, m/1e6, k}'
done > "$TMP/results.txt"

echo
echo "$DOCS dokument, $(awk "BEGIN{printf \"%.1f\", $BYTES/1e6}") MB, $(nproc) kärnor, median av $RUNS körningar"
printf '%-18s %9s %10s %12s\n' verktyg "tid (s)" "MB/s" "minne (MB)"
while read -r name wall kb; do
  awk -v n="$name" -v w="$wall" -v k="$kb" -v b="$BYTES" \
    'BEGIN{printf "%-18s %9.3f %10.1f %12.1f\n", n, w, (w>0? b/1e6/w : 0), k/1024}'
done < "$TMP/results.txt"
S=$(awk '$1=="styrkoll"{print $2}' "$TMP/results.txt")
echo
while read -r name wall _; do
  [ "$name" = styrkoll ] && continue
  awk -v n="$name" -v w="$wall" -v s="$S" 'BEGIN{printf "%s / styrkoll: %.3f×\n", n, (s>0? w/s : 0)}'
done < "$TMP/results.txt"
echo "(load: $(uptime | sed 's/.*load average: //'))"

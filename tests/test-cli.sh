#!/usr/bin/env bash
# test-cli.sh — the command line against a real keyring, in French: a demo practice, its
# integrity check, its JSON export, and a second demo refused over existing data.
#
#   tests/harness/session --keyring -- tests/test-cli.sh SEANCES_EXE
#
# The session gives a private HOME and XDG folders and an unlocked gnome-keyring; the
# messages are compared with the build tree's French catalogue ($SEANCES_LOCALEDIR).
set -uo pipefail

seances=$1
export LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 LANGUAGE=fr
export TEXTDOMAIN=seances TEXTDOMAINDIR=${SEANCES_LOCALEDIR:?}
unset SEANCES_NOW

work=$(mktemp -d "${TMPDIR:-/tmp}/seances-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
n=0

check() {  # check DESCRIPTION COMMAND...
  local description=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    failures=$((failures + 1))
  fi
}

# A message as a French user reads it, from the catalogue. One left in English is
# noted in $work/untranslated, and fails the last check.
french() {
  local text
  text=$(gettext "$1")
  [ "$text" != "$1" ] || echo "$1" >>"$work/untranslated"
  printf '%s' "$text"
}

# Plural forms are not checked for English: « 30 patients » is French too.
french_plural() {  # french_plural SINGULAR PLURAL N
  # shellcheck disable=SC2059
  printf "$(ngettext "$1" "$2" "$3")" "$3"
}

run() {  # run NAME ARGS...: stdout, stderr and status in $work/NAME.{out,err,status}
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err"
  echo $? >"$work/$name.status"
}

status_is() { [ "$(cat "$work/$1.status")" = "$2" ]; }
out_is() { [ "$(cat "$work/$1.out")" = "$2" ] && [ "$(wc -l <"$work/$1.out")" = 1 ]; }
err_is() { [ "$(cat "$work/$1.err")" = "$2" ] && [ "$(wc -l <"$work/$1.err")" = 1 ]; }
empty() { [ ! -s "$work/$1" ]; }

# Nothing to export yet.
run no-data "$seances" --export-json="$work/none.json"
check "export without data fails" status_is no-data 1
check "export without data says so in French" \
  err_is no-data "$(french "There is no data yet: start Séances once to create your practice.")"
check "export without data writes nothing" test ! -e "$work/none.json"

# A demo practice: created as a first run would, announced in one line, nothing secret.
run demo "$seances" --generate-demo=30
# shellcheck disable=SC2059
created=$(printf "$(french "Demo practice created: %s, %s.")" \
  "$(french_plural "%d patient" "%d patients" 30)" \
  "$(french_plural "%d year of history" "%d years of history" 3)")
check "demo succeeds" status_is demo 0
check "demo announces itself in French" out_is demo "$created"
check "demo prints no error" empty demo.err
check "demo database is private" \
  test "$(stat -c %a "${XDG_DATA_HOME:-$HOME/.local/share}/seances/seances.db")" = 600

run check "$seances" --check
check "check passes" status_is check 0
check "check says so in French" out_is check "$(french "The database is sound.")"

export_file="$work/export du cabinet.json"
run export "$seances" --export-json="$export_file"
# shellcheck disable=SC2059
check "export succeeds" status_is export 0
check "export says where, in French" \
  out_is export "$(printf "$(french "Export written to %s.")" "$export_file")"
check "export file exists" test -s "$export_file"
check "export file is private" test "$(stat -c %a "$export_file")" = 600
check "export parses as JSON" /usr/bin/python3 -m json.tool "$export_file" /dev/null
check "export holds the thirty people and their sessions" /usr/bin/python3 - "$export_file" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
assert data['format_version'] == 1
assert data['practice']['name'] == 'Cabinet des Tilleuls'
assert len(data['clients']) == 30
assert len(data['appointments']) > 1000 and len(data['series']) > 10
assert {a['status'] for a in data['appointments']} <= {
    'scheduled', 'honoured', 'cancelled_in_time', 'cancelled_late', 'no_show', 'rescheduled'}
PY
check "no temporary file is left" test "$(ls "$work" | grep -c json)" = 1

# A second demo over existing data is refused, and changes nothing.
run again "$seances" --generate-demo
check "second demo is refused" status_is again 1
check "refusal is one French line" \
  err_is again "$(french "This database already holds clients or sessions: a demo practice needs an empty one. Nothing was changed.")"
check "refusal prints nothing else" empty again.out
run after "$seances" --export-json="$work/after.json"
check "nothing was changed" cmp -s <(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["clients"]), len(d["appointments"]))' "$export_file") \
  <(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["clients"]), len(d["appointments"]))' "$work/after.json")

# An export pointed at the encrypted database is refused (before another data folder
# below puts its own key in the keyring): the database stays as it was,
# byte for byte, and still opens.
database="${XDG_DATA_HOME:-$HOME/.local/share}/seances/seances.db"
cp "$database" "$work/database-before"
for target in "$database" "$(dirname "$database")/../seances/seances.db"; do
  run over-database "$seances" --export-json="$target"
  check "export over the database is refused ($target)" status_is over-database 1
  check "in one French line" \
    err_is over-database "$(french "This file is in the Séances data folder: choose another location.")"
  check "and nothing else is printed" empty over-database.out
  check "the database is byte-identical" cmp -s "$database" "$work/database-before"
done
run check-after "$seances" --check
check "the database still opens and is sound" status_is check-after 0

# Neither the standard output, a device nor a folder is a file to export to.
mkdir "$work/dossier"
refused_targets=("-" "/dev/null" "$work/dossier")
refused_messages=(
  "Give the name of a file to write: Séances does not write to the standard output."
  "This is not an ordinary file: give the name of a file in a folder."
  "This is a folder: give the name of a file inside it."
)
for i in "${!refused_targets[@]}"; do
  run refused-target "$seances" --export-json="${refused_targets[$i]}"
  check "export to ${refused_targets[$i]} is refused" status_is refused-target 1
  check "in one French line" err_is refused-target "$(french "${refused_messages[$i]}")"
done
check "no file named « - » was made" test ! -e ./-

# SEANCES_NOW fixes "today" for screenshots: in another data folder, a year of history
# up to that day and six weeks booked after it.
other=$work/other
mkdir -p "$other"
run fixed env XDG_DATA_HOME="$other" SEANCES_NOW=2026-11-24T14:00 \
  "$seances" --generate-demo=12 --demo-years=1 --demo-sessions-per-week=10 --demo-seed=7 \
  --export-json="$work/fixed.json"
check "demo with a fixed now succeeds" status_is fixed 0
check "sessions end by the fixed now, or are still ahead" /usr/bin/python3 - "$work/fixed.json" <<'PY'
import json, sys
from datetime import datetime
data = json.load(open(sys.argv[1], encoding='utf-8'))
now = datetime.fromisoformat('2026-11-24T14:00:00+01:00')
starts = [datetime.fromisoformat(a['start']) for a in data['appointments']]
assert len(data['clients']) == 12
assert min(starts) > datetime.fromisoformat('2025-11-20T00:00:00+01:00')
assert max(starts) < datetime.fromisoformat('2027-01-18T00:00:00+01:00')
for a in data['appointments']:
    if datetime.fromisoformat(a['start']) > now:
        assert a['status'] == 'scheduled', a
PY
run bad-now env XDG_DATA_HOME="$work/bad" SEANCES_NOW=demain "$seances" --generate-demo=5
check "a malformed SEANCES_NOW is refused" status_is bad-now 1
check "and said in French" \
  err_is bad-now "$(french "SEANCES_NOW must be a local date and time such as 2026-11-24T14:00.")"

check "every message is in the French catalogue" empty untranslated

echo "1..$n"
if [ "$failures" -gt 0 ]; then
  [ -s "$work/untranslated" ] && sed 's/^/# not translated: /' "$work/untranslated"
  for f in "$work"/*.err; do
    [ -s "$f" ] && { echo "# $(basename "$f"):"; sed 's/^/#   /' "$f"; }
  done
fi
[ "$failures" -eq 0 ]

#!/usr/bin/env bash
# test-cli.sh — the command line against a real keyring, in French: a demo practice, its
# integrity check, its JSON export, a second demo refused over existing data, and
# backups restored with the keyring's key or the recovery key.
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
  text=$(gettext -- "$1")
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
  # In the sanitizer build, a report fails the test even where the status is not checked.
  if grep -qE '^==[0-9]+==ERROR: |runtime error: ' "$work/$name.err"; then
    { echo "$name:"; cat "$work/$name.err"; } >>"$work/sanitizer"
  fi
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
  "$seances" --generate-demo=12 --demo-years=1 --demo-sessions-per-week=10 --demo-seed=7
check "demo with a fixed now succeeds" status_is fixed 0
run fixed-export env XDG_DATA_HOME="$other" "$seances" --export-json="$work/fixed.json"
check "and is exported" status_is fixed-export 0
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

# One action a call: options that cannot go together are refused, in one French line
# naming them, and nothing is done. (The data folder is a new one: a demo made by
# mistake would show there.)
combined=$work/combined
mkdir -p "$combined"
refused_together() {  # refused_together FIRST SECOND ARGS...: FIRST and SECOND named
  local first=$1 second=$2
  shift 2
  rm -f "$work/combined.json"
  run together env XDG_DATA_HOME="$combined" "$seances" "$@"
  check "$* is refused" status_is together 1
  # shellcheck disable=SC2059
  check "$* names both options in French" \
    err_is together "$(printf -- "$(french "--%s and --%s cannot be used together: give one at a time.")" "$first" "$second")"
  check "$* does nothing" empty together.out
  check "$* makes no database" test ! -e "$combined/seances/seances.db"
  check "$* writes no export" test ! -e "$work/combined.json"
}
refused_together check generate-demo --check --generate-demo
refused_together check generate-demo --generate-demo=5 --check
refused_together version check --version --check
refused_together check export-json --check --export-json="$work/combined.json"
refused_together generate-demo export-json --generate-demo=5 --export-json="$work/combined.json"
refused_together backup restore --backup="$work/combined.json" --restore="$work/absente.seancesbackup"

# The demo's hidden settings only go with --generate-demo.
for setting in --demo-years=2 --demo-sessions-per-week=3 --demo-seed=4; do
  name=${setting%%=*}
  run alone env XDG_DATA_HOME="$combined" "$seances" --check "$setting"
  check "$setting without --generate-demo is refused" status_is alone 1
  # shellcheck disable=SC2059
  check "$setting without --generate-demo is said in French" \
    err_is alone "$(printf -- "$(french "--%s only goes with --generate-demo.")" "${name#--}")"
  check "$setting without --generate-demo does nothing" empty alone.out
done

# An explicit value out of range is refused, never replaced by the default.
out_of_range=(
  "demo-years 0 1 30" "demo-years -1 1 30" "demo-years 31 1 30" "demo-years deux 1 30"
  "demo-sessions-per-week 0 1 60" "demo-sessions-per-week -5 1 60" "demo-sessions-per-week 61 1 60"
  "demo-seed -1 0 2147483647" "demo-seed 99999999999 0 2147483647"
)
for row in "${out_of_range[@]}"; do
  read -r name value min max <<<"$row"
  run range env XDG_DATA_HOME="$combined" "$seances" --generate-demo=5 "--$name=$value"
  check "--$name=$value is refused" status_is range 1
  # shellcheck disable=SC2059
  check "--$name=$value names the option and its range in French" \
    err_is range "$(printf -- "$(french "--%s takes a whole number between %d and %d.")" "$name" "$min" "$max")"
  check "--$name=$value makes no database" test ! -e "$combined/seances/seances.db"
done

# The smallest values are values, not "use the default".
run smallest env XDG_DATA_HOME="$combined" SEANCES_NOW=2026-11-24T14:00 \
  "$seances" --generate-demo=3 --demo-years=1 --demo-sessions-per-week=1 --demo-seed=0
check "the smallest demo settings are accepted" status_is smallest 0
run smallest-export env XDG_DATA_HOME="$combined" "$seances" --export-json="$work/smallest.json"
check "a year of one session a week is what was made" /usr/bin/python3 - "$work/smallest.json" <<'PY'
import json, sys
from datetime import datetime
data = json.load(open(sys.argv[1], encoding='utf-8'))
assert len(data['clients']) == 3
# A year and six weeks ahead at about one a week, with the moves (25 a week, 3 years,
# by default, would be thousands).
assert 0 < len(data['appointments']) < 150, len(data['appointments'])
assert min(datetime.fromisoformat(a['start']) for a in data['appointments']) > \
    datetime.fromisoformat('2025-10-01T00:00:00+02:00')
PY

# Backups, in a practice of its own: backed up, then restored over itself, over another
# practice whose key replaced it in the keyring, and on a "new computer" with no data and
# no key, from its recovery key typed on the standard input.
bhome=$work/backup-home
bdata=$bhome/seances
mkdir -p "$bhome" "$work/sauvegardes"
in_bhome() { env XDG_DATA_HOME="$bhome" "$@"; }
key_hex() { secret-tool lookup xdg:schema io.github.seances.Seances.DatabaseKey; }
keyring_has() {  # keyring_has HEX: one of the keys kept for the data is this one
  # (not grep -q: secret-tool cut short by SIGPIPE would fail the pipe)
  secret-tool search --all xdg:schema io.github.seances.Seances.DatabaseKey 2>&1 | grep -x "secret = $1" >/dev/null
}
forget_key() { secret-tool clear xdg:schema io.github.seances.Seances.DatabaseKey; }
recovery_key() {  # recovery_key HEX: the key as Séances shows it, 14 groups of 4
  /usr/bin/python3 - "$1" <<'PY'
import hashlib, sys
raw = bytes.fromhex(sys.argv[1])
n = int.from_bytes(raw + hashlib.sha256(raw).digest()[:3], 'big')
symbols = ''.join('0123456789ABCDEFGHJKMNPQRSTVWXYZ'[(n >> (5 * (55 - i))) & 31] for i in range(56))
print(' '.join(symbols[i:i + 4] for i in range(0, 56, 4)))
PY
}
without_stamp() {  # the export minus its own time stamp
  /usr/bin/python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); d.pop("exported_at"); print(json.dumps(d, sort_keys=True))' "$1"
}
same_as_before() {  # same_as_before NAME: the practice exported now is the one backed up
  run "export-$1" in_bhome "$seances" --export-json="$work/$1.json" &&
    status_is "export-$1" 0 && [ "$(without_stamp "$work/$1.json")" = "$(without_stamp "$work/before.json")" ]
}
line_is() { [ "$(sed -n "$2p" "$work/$1.out")" = "$3" ]; }          # line_is NAME N TEXT
# shellcheck disable=SC2053  # the right-hand side is a glob on purpose
line_matches() { [[ "$(sed -n "$2p" "$work/$1.out")" == $3 ]]; }    # line_matches NAME N GLOB
last_line_is() { [ "$(tail -n 1 "$work/$1.out")" = "$2" ]; }
replaced_files() { find "$bdata" -maxdepth 1 -name 'seances.db.replaced-*' ! -name '*-wal' ! -name '*-shm' | sort; }
db_unchanged() { cmp -s "$bdata/seances.db" "$work/db-copy"; }

# Earlier data folders left their keys under the same name: this practice's is alone.
forget_key
run b-demo in_bhome "$seances" --generate-demo=8 --demo-years=1 --demo-seed=3
check "a practice to back up" status_is b-demo 0
run b-before in_bhome "$seances" --export-json="$work/before.json"
hex=$(key_hex)
recovery=$(recovery_key "$hex")
n_sessions=$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["appointments"]))' "$work/before.json")
last_name=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["clients"][0]["last_name"])' "$work/before.json")

backup="$work/sauvegardes/cabinet du 1er décembre.seancesbackup"
run backup in_bhome "$seances" --backup="$backup"
check "backup succeeds" status_is backup 0
# shellcheck disable=SC2059
check "backup says where and what, in French" out_is backup \
  "$(printf "$(french "Backup written to %s: %s, %s.")" "$backup" \
     "$(french_plural "%d patient" "%d patients" 8)" "$(french_plural "%d session" "%d sessions" "$n_sessions")")"
check "backup prints no error" empty backup.err
check "backup is private" test "$(stat -c %a "$backup")" = 600
check "backup has no plain SQLite header" test "$(head -c 15 "$backup")" != "SQLite format 3"
check "backup holds no name in plain text" test "$(grep -c -F -- "$last_name" "$backup")" = 0
check "backup leaves nothing beside it" test "$(find "$work/sauvegardes" -mindepth 1 | wc -l)" = 1

run b-inside in_bhome "$seances" --backup="$bdata/copie.seancesbackup"
check "a backup into the data folder is refused" status_is b-inside 1
check "and said in French" err_is b-inside "$(french "This file is in the Séances data folder: choose another location.")"
check "and writes nothing" test ! -e "$bdata/copie.seancesbackup"
run b-stdout in_bhome "$seances" --backup=-
check "a backup to « - » is refused" status_is b-stdout 1
check "and said in French" \
  err_is b-stdout "$(french "Give the name of a file to write: Séances does not write to the standard output.")"

# What a restore says before it asks: the current data, the backup's date and contents.
current_glob=$(french "The current data, last changed on %s, will be kept aside.")
current_glob=${current_glob//%s/*}
outer=$(french "%s: %s, %s.")
description_glob=$(french "Backup of %s (%s)")
description_glob=${description_glob//%s/*}
backup_glob=${outer/\%s/$description_glob}
backup_glob=${backup_glob/\%s/$(french_plural "%d person" "%d people" 8)}
backup_glob=${backup_glob/\%s/$(french_plural "%d session" "%d sessions" "$n_sessions")}
# shellcheck disable=SC1111  # the message's own quotation marks
question=$(french "Restore this backup in place of the current data? Type “yes” to confirm: ")

cp "$bdata/seances.db" "$work/db-copy"
echo non | run declined in_bhome "$seances" --restore="$backup"
check "a restore not confirmed fails" status_is declined 1
check "and says so in French" err_is declined "$(french "Nothing was restored.")"
check "it said what it would replace" line_matches declined 1 "$current_glob"
check "and which backup, from when, holding what" line_matches declined 2 "$backup_glob"
check "then asked" line_is declined 3 "$question"
check "and changed nothing" db_unchanged
check "nothing was put aside" test -z "$(replaced_files)"

echo oui | run same in_bhome "$seances" --restore="$backup"
check "a confirmed restore succeeds" status_is same 0
check "with the keyring's key, nothing asked on the terminal" empty same.err
check "the replaced data is kept aside" test "$(replaced_files | wc -l)" = 1
# shellcheck disable=SC2059
check "and the restore says where" last_line_is same \
  "$(printf "$(french "Backup restored; the previous data was kept in %s.")" "$(replaced_files)")"
check "the practice is the one backed up" same_as_before same

# Damaged backups are refused and change nothing.
/usr/bin/python3 - "$backup" "$work/flipped.seancesbackup" "$work/cut.seancesbackup" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
cut = data[:len(data) // 2 + 100]
data[len(data) - 2000] ^= 1
open(sys.argv[2], 'wb').write(data)
open(sys.argv[3], 'wb').write(cut)
PY
cp "$bdata/seances.db" "$work/db-copy"
for bad in flipped cut; do
  echo oui | run "bad-$bad" in_bhome "$seances" --restore="$work/$bad.seancesbackup"
  check "a $bad backup is refused" status_is "bad-$bad" 1
  check "in one French line" err_is "bad-$bad" "$(french "This file is not a Séances backup, or it is damaged.")"
  check "and the data is as it was" db_unchanged
  check "and nothing more was put aside" test "$(replaced_files | wc -l)" = 1
done
run missing in_bhome "$seances" --restore="$work/absente.seancesbackup"
check "a missing backup is refused" status_is missing 1
check "in French" \
  err_is missing "$(french "The backup file was not found: check its name, and that its disk is connected.")"

# Another practice in its place, its key in the keyring: the backup's recovery key opens it.
mv "$bdata" "$bhome/ancien-1"
forget_key
run b-other in_bhome "$seances" --generate-demo=3 --demo-years=1 --demo-seed=9
check "another practice took the data folder" status_is b-other 0
check "and the keyring" test "$(key_hex)" != "$hex"
cp "$bdata/seances.db" "$work/db-copy"
wrong=$(recovery_key "$(/usr/bin/python3 -c 'import os; print(os.urandom(32).hex())')")
printf '%s\noui\n' "$wrong" | run wrong-key in_bhome "$seances" --restore="$backup"
check "another recovery key is refused" status_is wrong-key 1
check "in French" err_is wrong-key "$(french "This key does not open this backup: check it, or choose another backup.")"
check "and changed nothing" db_unchanged
printf '%s\noui\n' "$recovery" | run recovered in_bhome "$seances" --restore="$backup"
check "the recovery key restores the backup" status_is recovered 0
check "the other practice is kept aside" test "$(replaced_files | wc -l)" = 1
check "the practice is the one backed up" same_as_before recovered
check "its key is back in the keyring" keyring_has "$hex"
run recovered-check in_bhome "$seances" --check
check "and opens it" status_is recovered-check 0

# A new computer: no data folder, no key.
mv "$bdata" "$bhome/ancien-2"
forget_key
printf '%s\noui\n' "$recovery" | run new-computer in_bhome "$seances" --restore="$backup"
check "a restore on a new computer succeeds" status_is new-computer 0
check "it said there was no current data" line_is new-computer 1 "$(french "There is no current data.")"
check "and that the backup was restored" last_line_is new-computer "$(french "Backup restored.")"
check "the practice is the one backed up" same_as_before new-computer
check "its key is in the keyring" keyring_has "$hex"

check "every message is in the French catalogue" empty untranslated
check "no sanitizer report" empty sanitizer

echo "1..$n"
if [ "$failures" -gt 0 ]; then
  [ -s "$work/untranslated" ] && sed 's/^/# not translated: /' "$work/untranslated"
  [ -s "$work/sanitizer" ] && sed 's/^/# sanitizer: /' "$work/sanitizer"
  for f in "$work"/*.err; do
    [ -s "$f" ] && { echo "# $(basename "$f"):"; sed 's/^/#   /' "$f"; }
  done
fi
[ "$failures" -eq 0 ]

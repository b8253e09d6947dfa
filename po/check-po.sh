#!/bin/bash
# Fails when a catalogue is invalid or has untranslated or fuzzy messages.
# Usage: check-po.sh FILE.po...
set -u

status=0
for po in "$@"; do
    if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
        echo "$po: msgfmt --check failed:" >&2
        echo "$stats" >&2
        status=1
        continue
    fi
    echo "$po: $stats"
    if [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
        echo "$po: incomplete; fuzzy or untranslated messages:" >&2
        { msgattrib --only-fuzzy --no-obsolete --no-wrap "$po"
          msgattrib --untranslated --no-obsolete --no-wrap "$po"
        } | grep -E '^(#:|msgid "[^"])' >&2
        status=1
    fi
done
exit $status

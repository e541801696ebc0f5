#!/usr/bin/env bash
# Refreshes the .ts catalogs from the UI sources, then compiles them to .qm.
# Translate new strings in resources/i18n/comptoir_fr.ts (Qt Linguist or by hand) and
# run this again; the English catalog keeps source texts (English is the source language).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find pos/ui -name '*.py' | sort)
for lang in fr en; do
  .venv/bin/pyside6-lupdate -silent -no-obsolete "${sources[@]}" -ts "resources/i18n/comptoir_${lang}.ts"
  .venv/bin/pyside6-lrelease -silent "resources/i18n/comptoir_${lang}.ts" -qm "resources/i18n/comptoir_${lang}.qm"
done

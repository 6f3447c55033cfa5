#!/usr/bin/env bash
# Executes every notebook headless against a table folder; fails when a notebook raises or draws no plot.
#
#   notebooks/run-all.sh TABLES_DIR [OUTPUT_DIR]
#
# TABLES_DIR is the --out folder of a passivetcp run. Executed copies go to OUTPUT_DIR (default: a temporary
# folder), never over the committed notebooks, which stay without outputs. Needs the packages of
# notebooks/requirements.txt in $PYTHON (default: python3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tables="${1:?usage: run-all.sh TABLES_DIR [OUTPUT_DIR]}"
[ -d "$tables" ] || { echo "run-all.sh: no table folder $tables" >&2; exit 2; }
export PASSIVETCP_TABLES="$(cd "$tables" && pwd)"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/passivetcp-notebooks.XXXXXX")}"
mkdir -p "$out"
python="${PYTHON:-python3}"

status=0
for nb in "$here"/[0-9]*.ipynb; do
  name="$(basename "$nb")"
  echo "== $name" >&2
  if ! "$python" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
        --output-dir "$out" "$nb" >&2 2>"$out/${name%.ipynb}.err"; then
    cat "$out/${name%.ipynb}.err" >&2
    echo "FAILED: $name" >&2
    status=1
    continue
  fi
  # a notebook that ran but drew nothing is a failure too
  plots="$("$python" - "$out/$name" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
print(sum(1 for c in nb["cells"] if c["cell_type"] == "code"
          for o in c.get("outputs", []) if "image/png" in o.get("data", {})))
PY
)"
  if [ "$plots" -eq 0 ]; then
    echo "FAILED: $name drew no plot" >&2
    status=1
  else
    echo "   ok, $plots plots" >&2
  fi
done
echo "executed notebooks in $out" >&2
exit $status

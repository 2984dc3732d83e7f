#!/usr/bin/env bash
# Install check: what a user gets from `pip install eventx` without our
# constraints.txt.  Builds the wheel of this checkout, installs it with plain
# pip (the one `python3 -m venv` brings, not upgraded) into a fresh virtual
# environment, then extracts one .txt, one .html and one .jsonl input and
# requires events from each.  Catches dependencies that only constraints.txt
# provides (lxml_html_clean, which trafilatura's jusText needs for HTML).
# Usage: bash scripts/check_install.sh   (PYTHON=python3.12 to pick another)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
python=${PYTHON:-python3}
unset PIP_CONSTRAINT PIP_REQUIRE_VIRTUALENV VIRTUAL_ENV PYTHONPATH

tmp=$(mktemp -d "${TMPDIR:-/tmp}/eventx-install-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "install check FAILED: $*" >&2
    exit 1
}
show() {  # a log's last lines, indented
    tail -n "${2:-40}" "$1" | sed 's/^/    /' >&2
}

# 1. the wheel of the checkout (pip fetches hatchling into an isolated build env)
"$python" -m pip wheel --no-deps --disable-pip-version-check -w "$tmp/dist" "$repo" \
    >"$tmp/wheel.log" 2>&1 || { show "$tmp/wheel.log"; fail "building the wheel"; }
wheels=("$tmp"/dist/eventx-*.whl)
[ -f "${wheels[0]}" ] || { show "$tmp/wheel.log"; fail "no eventx wheel in $tmp/dist"; }

# 2. a fresh venv, the wheel installed with plain pip and no constraints file
"$python" -m venv "$tmp/venv" || fail "creating a venv with $python"
venv="$tmp/venv/bin"
"$venv/pip" install --disable-pip-version-check "${wheels[0]}" >"$tmp/install.log" 2>&1 \
    || { show "$tmp/install.log"; fail "pip install of ${wheels[0]##*/}"; }

cd "$tmp"  # so nothing imports from the checkout
where=$("$venv/python" -c "import eventx; print(eventx.__file__)" 2>"$tmp/import.log") \
    || { show "$tmp/import.log"; fail "python -c 'import eventx' in the fresh venv"; }
case $where in
    "$tmp/venv/"*) ;;
    *) fail "eventx imported from $where, not from the fresh venv" ;;
esac

# 3. one input of each kind, each with sentences the rules recognise
mkdir "$tmp/in"
cat >"$tmp/in/report.txt" <<'EOF'
China and Pakistan signed a defence agreement in Islamabad on Monday.

The agreement covers joint exercises and the supply of naval equipment, officials said. Pakistan's defence minister called it a milestone for both countries.
EOF
cat >"$tmp/in/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>India and Japan agree to deepen security ties | World News</title>
  <meta name="description" content="The foreign ministers of India and Japan met in Tokyo.">
  <meta property="article:published_time" content="2020-11-30T09:15:00Z">
  <meta name="date" content="2020-11-30">
</head>
<body>
  <header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav></header>
  <main>
    <article>
      <h1>India and Japan agree to deepen security ties</h1>
      <p class="byline">By Staff Reporter, Tokyo &middot; 30 November 2020</p>
      <p>The foreign ministers of India and Japan met in Tokyo on Tuesday to discuss maritime security in the Indo-Pacific region and a new framework for defence cooperation.</p>
      <p>After the talks, the two ministers said their governments would hold joint naval exercises next year and expand the exchange of information between their coast guards.</p>
      <p>Officials from both delegations described the meeting as constructive. They said further talks on trade and infrastructure investment were planned for early next year in New Delhi.</p>
      <p>Analysts said the meeting reflected growing concern in both capitals about security in the region and the importance of keeping sea lanes open for commerce.</p>
    </article>
  </main>
  <footer><p>&copy; 2020 World News. All rights reserved.</p></footer>
</body>
</html>
EOF
cat >"$tmp/in/wire.jsonl" <<'EOF'
{"id": "wire-1", "text": "Russia and Turkey signed an energy agreement in Ankara on Monday. The deal covers gas deliveries for the next decade, officials said.", "published": "2020-11-30"}
{"id": "wire-2", "text": "The foreign ministers of France and Germany met in Berlin on Tuesday. They discussed the European Union budget and relations with China.", "published": "2020-11-30"}
EOF
expected=(report.txt page.html wire-1 wire-2)

# 4. extraction in the fresh venv
status=0
"$venv/eventx" extract "$tmp/in" --out "$tmp/out" --workers 1 --published 2020-11-30 \
    >"$tmp/extract.log" 2>&1 || status=$?
problems=()
[ "$status" -eq 0 ] || problems+=("eventx extract exited with status $status")
if [ -s "$tmp/out/errors.jsonl" ]; then
    problems+=("errors.jsonl is not empty")
fi
counts=$("$venv/python" - "$tmp/out/events.jsonl" "${expected[@]}" <<'EOF' 2>&1
import collections, json, sys
path, expected = sys.argv[1], sys.argv[2:]
try:
    with open(path, encoding="utf-8") as handle:
        ids = [json.loads(line)["doc_id"] for line in handle if line.strip()]
except OSError as error:
    sys.exit(f"cannot read events.jsonl: {error}")
found = collections.Counter(ids)
print(" ".join(f"{doc}={found[doc]}" for doc in expected), len(ids))
missing = [doc for doc in expected if not found[doc]]
if missing:
    sys.exit("no event for " + ", ".join(missing))
EOF
) || problems+=("$counts")
if [ "${#problems[@]}" -gt 0 ]; then
    for problem in "${problems[@]}"; do echo "  - $problem" >&2; done
    echo "  eventx extract output:" >&2
    show "$tmp/extract.log" 20
    if [ -s "$tmp/out/errors.jsonl" ]; then
        echo "  errors.jsonl:" >&2
        show "$tmp/out/errors.jsonl" 20
    fi
    echo "  installed: $("$venv/pip" list --disable-pip-version-check 2>/dev/null \
        | grep -iE '^(lxml|lxml.html.clean|justext|trafilatura|spacy|pip) ' | tr -s ' ' \
        | paste -sd, -)" >&2
    fail "extraction in the fresh venv"
fi
total=${counts##* }
echo "install check: events per input ${counts% *}"
echo "install check: wheel in a fresh venv without constraints extracted .txt, .html and .jsonl ($total events)"

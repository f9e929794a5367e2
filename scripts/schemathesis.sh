#!/usr/bin/env bash
# Runs Schemathesis against the observatory's OpenAPI document: every operation, with generated
# valid and invalid requests, checked against the documented statuses, media types and schemas.
# The server is the debug build (CONFIGURATION=release for the release one) on a fresh database
# seeded with the bundled datasets, with a write token so that the write operations are reached.
# Schemathesis is installed with pip into a virtual environment under $VENV (/tmp by default),
# not into the system. Not a unit test: it needs the network once, for pip, and takes minutes.
#
#   scripts/schemathesis.sh                       # default budget
#   MAX_EXAMPLES=200 PORT=18093 scripts/schemathesis.sh
#   scripts/schemathesis.sh --include-path-regex '/relations'   # further options go to schemathesis run
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/serve.sh

VENV=${VENV:-/tmp/citydip-schemathesis-venv}
PORT=${PORT:-18093}
MAX_EXAMPLES=${MAX_EXAMPLES:-50}
TOKEN=schemathesis-token-0123456789

if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet 'schemathesis>=4,<5'
fi

start_observatory "${CONFIGURATION:-debug}" "$PORT" --token "schemathesis:$TOKEN"
"$VENV/bin/schemathesis" --version
# What the checks accept for an operation whose request a schema cannot fully describe, with the
# reason, is in scripts/schemathesis.toml.
CONFIG="$PWD/scripts/schemathesis.toml"
# A rule between two parameters that the document states only in prose (from no later than to):
# generated requests that break it are left out, in scripts/schemathesis_hooks.py.
export SCHEMATHESIS_HOOKS="$PWD/scripts/schemathesis_hooks.py"
# Run from the server's scratch folder, where Schemathesis leaves its .schemathesis/ reports.
cd "$WORK"
"$VENV/bin/schemathesis" --config-file "$CONFIG" run "http://127.0.0.1:$PORT/api/v1/openapi.yaml" \
  --url "http://127.0.0.1:$PORT/api/v1" \
  --header "Authorization: Bearer $TOKEN" \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  "$@"

#!/usr/bin/env bash
# Runs every test of the solution. Storage tests start their own Azurite, the contract test Redocly CLI and Prism
# (each installed here from npm, pinned by its package-lock.json, if missing).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f azurite/package.json ] && [ ! -x azurite/node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci in azurite/)..."
  (cd azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

# The contract test's pinned tools: Redocly CLI (lints the live OpenAPI document) and Prism (validating proxy).
if [ -f contract-tools/package.json ] && { [ ! -x contract-tools/node_modules/.bin/redocly ] || [ ! -x contract-tools/node_modules/.bin/prism ]; }; then
  echo "Installing the contract tools (npm ci in contract-tools/)..."
  (cd contract-tools && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf TestResults
dotnet build PaymentActors.sln -c Release -nologo -v quiet
dotnet test PaymentActors.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory TestResults "$@"

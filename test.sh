#!/usr/bin/env bash
# Runs every test of the solution. Storage tests start their own Azurite (installed here from npm if missing).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f azurite/package.json ] && [ ! -x azurite/node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci in azurite/)..."
  (cd azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf TestResults
dotnet build PaymentActors.sln -c Release -nologo -v quiet
dotnet test PaymentActors.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory TestResults "$@"

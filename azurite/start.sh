#!/usr/bin/env bash
# Starts Azurite (Table and Queue services; Blob too, since the combined binary always runs it) on 127.0.0.1,
# keeping data under azurite/data/. Runs in the foreground (exec), so a caller can background it and kill its pid.
# Ports: AZURITE_TABLE_PORT (10002), AZURITE_QUEUE_PORT (10001), AZURITE_BLOB_PORT (10000).
set -euo pipefail
cd "$(dirname "$0")"

table_port="${AZURITE_TABLE_PORT:-10002}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
host=127.0.0.1

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci in azurite/)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
mkdir -p data

# Announces the connection string once both ports answer; runs beside Azurite and gives up after 60 s.
(
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/$host/$table_port") 2>/dev/null && (exec 3<>"/dev/tcp/$host/$queue_port") 2>/dev/null; then
      echo "Azurite is ready. Connection string:"
      echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://$host:$blob_port/devstoreaccount1;QueueEndpoint=http://$host:$queue_port/devstoreaccount1;TableEndpoint=http://$host:$table_port/devstoreaccount1;"
      exit 0
    fi
    sleep 0.1
  done
  echo "Azurite did not answer on ports $table_port/$queue_port within 60 s." >&2
  exit 1
) &

exec node_modules/.bin/azurite \
  --blobHost "$host" --blobPort "$blob_port" \
  --queueHost "$host" --queuePort "$queue_port" \
  --tableHost "$host" --tablePort "$table_port" \
  --location data --skipApiVersionCheck --loose --disableTelemetry --silent

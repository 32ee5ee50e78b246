#!/usr/bin/env bash
# CPU profile of the co-hosted API (front door + silo) on the hot wallet, with perf (BENCHMARKS.md, "Where the CPU goes").
#
#   benchmarks/tools/profile-api.sh [WARMUP_SECONDS] [PROFILE_SECONDS]      (defaults 60 and 20)
#   PROFILE_ENV="DOTNET_TieredPGO=1" benchmarks/tools/profile-api.sh        runtime settings for the API process
#
# Starts a fresh Azurite, the mock gateway (no latency, no declines) and the API from the Release build, warms up with
# hey on one wallet, then records perf samples of the API while hey pays from another. Prints the API's CPU per
# completed payment and the share of samples per module (managed code by assembly, via the runtime's perf map).
# Needs: perf, hey, curl, jq, python3. Ports 25180-25311.
set -euo pipefail
cd "$(dirname "$0")/../.."
WARMUP="${1:-60}"; SECONDS_PROFILED="${2:-20}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/paymentactors-profile.XXXXXX")"
API_DLL=src/PaymentActors.Api/bin/Release/net10.0/PaymentActors.Api.dll
GATEWAY_DLL=src/PaymentActors.MockGateway/bin/Release/net10.0/PaymentActors.MockGateway.dll
[ -f "$API_DLL" ] && [ -f "$GATEWAY_DLL" ] || dotnet build PaymentActors.sln -c Release -nologo -v quiet
AZ_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZ_KEY;TableEndpoint=http://127.0.0.1:25202/devstoreaccount1;"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

azurite/node_modules/.bin/azurite --tableHost 127.0.0.1 --tablePort 25202 --blobPort 25200 --queuePort 25201 \
  --location "$OUT/azurite" --skipApiVersionCheck --loose --disableTelemetry --silent >"$OUT/azurite.log" 2>&1 &
PIDS+=($!)
dotnet "$GATEWAY_DLL" --urls http://127.0.0.1:25190 --Logging:LogLevel:Default=Warning >"$OUT/gateway.log" 2>&1 &
PIDS+=($!)
# The perf map names JIT-compiled methods; without W^X the code is in anonymous memory, where perf looks them up.
env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ${PROFILE_ENV:-} dotnet "$API_DLL" \
  --urls http://127.0.0.1:25180 --environment Development --contentRoot src/PaymentActors.Api \
  --Orleans:SiloPort=25211 --Orleans:GatewayPort=25311 --Orleans:ClusterId=profile --Orleans:ServiceId="profile-$RANDOM" \
  --Storage:Provider=AzureTables --ConnectionStrings:AzureTables="$CONNECTION" \
  --Gateway:Mode=Http --PaymentGateway:BaseUrl=http://127.0.0.1:25190 --Logging:LogLevel:Default=Warning >"$OUT/api.log" 2>&1 &
API=$!; PIDS+=("$API")
for _ in $(seq 120); do curl -fs http://127.0.0.1:25180/health/ready >/dev/null && curl -fs http://127.0.0.1:25190/health >/dev/null && break; sleep 1; done
curl -fsS -X POST http://127.0.0.1:25190/admin/behaviour -H 'Content-Type: application/json' \
  -d '{"fail_rate":0,"latency_min_ms":0,"latency_max_ms":0,"timeout_rate":0,"outage":false}' >/dev/null
TOKEN="$(dotnet user-jwts create --project src/PaymentActors.Api --name profile --role operator --output token)"
AUTH=(-H "Authorization: Bearer $TOKEN")
fund() { curl -fsS -X POST "http://127.0.0.1:25180/wallets/$1/deposits" "${AUTH[@]}" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: fund-$1" -d '{"amount":"100000000.00","currency":"USD"}' >/dev/null; }
pay() { hey -z "$2s" -c 64 -m POST -T application/json "${AUTH[@]}" \
  -d "{\"user_id\":\"$1\",\"service_id\":\"bench\",\"amount\":\"1.00\",\"currency\":\"USD\"}" "http://127.0.0.1:25180/payments?wait=true"; }
balance() { curl -fsS "${AUTH[@]}" "http://127.0.0.1:25180/wallets/$1" | jq -r .data.balance; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

fund warm; fund hot
pay warm "$WARMUP" >"$OUT/warmup.txt"
before_balance="$(balance hot)"; before_cpu="$(cpu "$API")"
pay hot "$SECONDS_PROFILED" >"$OUT/hey.txt" &
HEY=$!
perf record -F 499 -g -p "$API" -o "$OUT/perf.data" -- sleep "$((SECONDS_PROFILED - 2))" >"$OUT/perf.log" 2>&1
wait "$HEY"
after_cpu="$(cpu "$API")"; sleep 2; after_balance="$(balance hot)"
completed="$(python3 -c "print(round(float('$before_balance') - float('$after_balance')))")"
echo "warm-up ${WARMUP}s, profiled ${SECONDS_PROFILED}s: $completed payments completed, $(grep -o 'Requests/sec:.*' "$OUT/hey.txt")"
echo "API CPU per completed payment: $(python3 -c "print(round(($after_cpu - $before_cpu) / $(getconf CLK_TCK) * 1000 / max($completed, 1), 2))") ms (perf sampling included)"
echo "Share of the API's CPU samples by module:"
perf report -i "$OUT/perf.data" --no-children --sort dso,sym 2>/dev/null | python3 -c '
import collections, re, sys
shares = collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s+([0-9.]+)%\s+(.*?)\s+\[(.)\] (.*)", line)
    if not m:
        continue
    assembly = re.search(r"\[([A-Za-z][\w.]+)\]", m.group(4))
    shares[assembly.group(1) if assembly and "[JIT]" in m.group(2) else m.group(2).split()[0]] += float(m.group(1))
for module, share in shares.most_common(20):
    print(f"  {share:6.2f}%  {module}")
'
echo "perf data and logs: $OUT (perf report -i $OUT/perf.data)"

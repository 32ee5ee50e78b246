#!/usr/bin/env python3
"""Per-payment costs from two sets of Prometheus scrapes (before and after a load), summed over every process.

    metrics_delta.py BEFORE_DIR AFTER_DIR [--by interface|state|operation|...] [--family NAME ...] [--json]

BEFORE_DIR and AFTER_DIR hold one scrape per process (same file names in both). Completed payments are the delta of
paymentactors_payment_success_total. Prints grain messages and storage requests per completed payment, with a
breakdown. Written by hand: it is twenty lines of parsing that no packaged tool does for a shell script.
"""
import json
import os
import re
import sys

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def scrape(directory):
    samples = {}
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), encoding="utf-8") as text:
            for line in text:
                match = LINE.match(line)
                if not match or line.startswith("#"):
                    continue
                family, labels, value = match.group(1), dict(LABEL.findall(match.group(3) or "")), match.group(4)
                labels.pop("otel_scope_name", None)
                key = (name, family, tuple(sorted(labels.items())))
                try:
                    samples[key] = float(value)
                except ValueError:
                    pass
    return samples


def delta(before, after, family):
    """(labels dict, increase) for each series of FAMILY, every process."""
    for (process, name, labels), value in after.items():
        if name == family:
            yield dict(labels), value - before.get((process, name, labels), 0.0)


def total(before, after, family):
    return sum(increase for _, increase in delta(before, after, family))


def main(argv):
    before, after = scrape(argv[1]), scrape(argv[2])
    completed = total(before, after, "paymentactors_payment_success_total")
    result = {"completed": completed}
    per = (lambda n: round(n / completed, 3)) if completed else (lambda n: None)

    messages = {}
    for labels, increase in delta(before, after, "paymentactors_grain_messages_total"):
        key = labels.get("interface", "?").split(".")[-1] + "." + labels.get("method", "?")
        messages[key] = messages.get(key, 0.0) + increase
    # A build without the grain-message counter (the baseline) reports none rather than zero.
    result["grain_messages"] = per(sum(messages.values())) if messages else None
    result["grain_messages_by_method"] = {k: per(v) for k, v in sorted(messages.items(), key=lambda kv: -kv[1]) if v > 0}

    # Every request to Azure Storage: reads and writes as the Azure SDK pipeline counts them (one per request, labelled
    # by service, table, operation and status); the other families are round 1's, so the baseline is counted the same way.
    storage = {}
    families = ["paymentactors_storage_reads_total", "paymentactors_storage_writes_total", "paymentactors_storage_clears_total",
                "paymentactors_storage_reminder_operations_total", "paymentactors_storage_failed_event_operations_total"]
    for family in families:
        for labels, increase in delta(before, after, family):
            detail = "/".join(v for k, v in sorted(labels.items()) if k not in ("provider",))
            key = family.replace("paymentactors_storage_", "").replace("_total", "") + (":" + detail if detail else "")
            storage[key] = storage.get(key, 0.0) + increase
    result["storage_requests"] = per(sum(storage.values()))
    result["storage_requests_by_kind"] = {k: per(v) for k, v in sorted(storage.items(), key=lambda kv: -kv[1]) if v > 0}

    if "--json" in argv:
        json.dump(result, sys.stdout)
        print()
        return
    print(f"completed payments: {completed:.0f}")
    print(f"grain messages per completed payment: {result['grain_messages']}")
    for key, value in result["grain_messages_by_method"].items():
        print(f"  {value:>8}  {key}")
    print(f"storage requests per completed payment: {result['storage_requests']}")
    for key, value in result["storage_requests_by_kind"].items():
        print(f"  {value:>8}  {key}")


if __name__ == "__main__":
    main(sys.argv)

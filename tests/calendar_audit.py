#!/usr/bin/env python3
"""Cross-checks our working-day calendar with the open `holidays` dataset (PyPI, vacanza/holidays).

    python3 tests/calendar_audit.py DUMP [--years 2015-2035] [--strict] [--expect-version 0.108]

DUMP is the JSON written by `cargo run --package phc --example calendar_dump`: per year, the weekday
days off and the working Saturdays and Sundays of our calendar. For every day of the years the script
asks the dataset whether it is a working day (`HolidayBase.is_working_day`: Saturday and Sunday off,
except the weekend days a government decree made working, which the dataset keeps in
`weekend_workdays`; every holiday, observed (moved) day and substituted day off of `KZ` is off) and
prints each day where the dataset and we disagree, with our explanation from `rules/calendar.toml`
(`[[audit_explained]]`) when there is one.

Without --strict it is a report and always succeeds (`cargo xtask calendar-audit`, on the newest
release). With --strict (the test command, on the pinned release) it fails on any disagreement that
is not explained, and on any explanation that no longer matches a disagreement: an explanation is
written against one release of the dataset and must be revisited when that release changes.
"""

import argparse
import datetime as dt
import json
import sys


def day_kind(off):
    return "day_off" if off else "working"


def our_days(year_entry, year):
    """Our days off of a year as a set of dates (weekends, minus working weekend days, plus weekday
    days off)."""
    off = set()
    d = dt.date(year, 1, 1)
    while d.year == year:
        if d.weekday() >= 5:
            off.add(d)
        d += dt.timedelta(days=1)
    for s in year_entry["working_weekend_days"]:
        off.discard(dt.date.fromisoformat(s))
    for s in year_entry["weekday_days_off"]:
        off.add(dt.date.fromisoformat(s))
    return off


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--years", default="2015-2035", help="first-last (inclusive)")
    ap.add_argument("--strict", action="store_true", help="fail on an unexplained disagreement or a stale explanation")
    ap.add_argument("--expect-version", help="fail unless the imported holidays release is this one")
    args = ap.parse_args()

    import holidays

    version = holidays.__version__
    if args.expect_version and version != args.expect_version:
        print(f"calendar_audit: holidays {version} imported, {args.expect_version} expected", file=sys.stderr)
        return 2
    first, last = (int(x) for x in args.years.split("-"))
    with open(args.dump, encoding="utf-8") as f:
        dump = json.load(f)

    explained = {}
    for e in dump.get("audit_explained", []):
        explained[dt.date.fromisoformat(e["date"])] = e

    # One object for the whole span, so a decree's working Saturday in December of one year for a
    # day off in January of the next is known on both sides.
    data = holidays.country_holidays("KZ", years=range(first - 1, last + 2), language="en_US")

    unexplained, seen_explained, wrong_explanations = [], set(), []
    print(f"calendar_audit: holidays {version} (KZ, categories {', '.join(data.supported_categories)}) against our calendar, {first}-{last}")
    for year in range(first, last + 1):
        entry = dump["years"].get(str(year))
        if entry is None:
            print(f"{year}: not in our calendar's years")
            continue
        ours = our_days(entry, year)
        rows = []
        d = dt.date(year, 1, 1)
        while d.year == year:
            theirs_off = not data.is_working_day(d)
            ours_off = d in ours
            if theirs_off != ours_off:
                if d in data:
                    name = data.get(d)
                elif d in data.weekend_workdays:
                    name = "a Saturday or Sunday worked by decree"
                elif d.weekday() >= 5:
                    name = "a Saturday or Sunday"
                else:
                    name = ""
                e = explained.get(d)
                if e is not None:
                    seen_explained.add(d)
                    if e["dataset"] != day_kind(theirs_off) or e["ours"] != day_kind(ours_off):
                        wrong_explanations.append((d, e, theirs_off, ours_off))
                        note = f"EXPLANATION DOES NOT MATCH (it says dataset {e['dataset']}, ours {e['ours']})"
                    else:
                        note = f"explained: {e['why']}"
                else:
                    unexplained.append(d)
                    note = "NOT EXPLAINED in rules/calendar.toml [[audit_explained]]"
                rows.append(f"  {d} {d.strftime('%a')}: dataset {day_kind(theirs_off)}"
                            f"{f' ({name})' if name else ''}, ours {day_kind(ours_off)}; {note}")
            d += dt.timedelta(days=1)
        status = "official" if entry["official"] else "computed, provisional"
        if rows:
            print(f"{year} ({status}): {len(rows)} day(s) differ")
            print("\n".join(rows))
        else:
            print(f"{year} ({status}): agrees")

    stale = sorted(d for d in explained if first <= d.year <= last and d not in seen_explained)
    for d in stale:
        print(f"stale explanation {d}: the dataset and ours agree on this day now ({explained[d]['why']})")
    print(f"calendar_audit: {len(unexplained)} unexplained disagreement(s), {len(seen_explained)} explained, "
          f"{len(wrong_explanations)} explanation(s) not matching, {len(stale)} stale explanation(s)")
    if args.strict and (unexplained or wrong_explanations or stale):
        print("calendar_audit: FAILED: explain each disagreement in rules/calendar.toml [[audit_explained]] "
              "(or correct our data), and remove explanations that no longer apply", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

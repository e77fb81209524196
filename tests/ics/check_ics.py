#!/usr/bin/env python3
"""Independent check of an `oncall export ics` feed.

Parses the feed with the `icalendar` package (not oncall's code) and checks
what a calendar client relies on; then compares the events it reads back
with the shifts `oncall shifts --json` reported for the same window
(events of one schedule that meet with the same person are merged first:
oncall splits a shift at rotation handoffs).

usage: check_ics.py FEED.ics SHIFTS.json FROM TO
       (SHIFTS.json: a JSON object {schedule id: [shifts]}; FROM/TO RFC 3339)
Exit status 0 when everything holds; otherwise each problem is printed.
"""

import datetime as dt
import json
import sys

import icalendar


def fail(problems, msg):
    problems.append(msg)


def parse_instant(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(dt.timezone.utc)


def main(feed_path, shifts_path, start, end):
    problems = []
    raw = open(feed_path, "rb").read()

    # The bytes: CRLF line endings, folded at 75 octets, valid UTF-8.
    if b"\n" in raw.replace(b"\r\n", b""):
        fail(problems, "a line ends with a bare LF")
    if not raw.endswith(b"\r\n"):
        fail(problems, "the file does not end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            fail(problems, f"line {n} has {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(problems, f"line {n} splits a UTF-8 character or is not UTF-8")

    cal = icalendar.Calendar.from_ical(raw)
    for key in ("VERSION", "PRODID", "X-WR-CALNAME"):
        if cal.get(key) is None:
            fail(problems, f"the calendar has no {key}")

    window = (parse_instant(start), parse_instant(end))
    got = []
    uids = set()
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        if uid in uids:
            fail(problems, f"UID {uid} appears twice")
        uids.add(uid)
        for key in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            if ev.get(key) is None:
                fail(problems, f"event {uid} has no {key}")
        s, e = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if s.tzinfo is None or s.utcoffset() != dt.timedelta(0):
            fail(problems, f"event {uid} does not start in UTC")
        if not e > s:
            fail(problems, f"event {uid} does not end after it starts")
        # Clip to the window, as `oncall shifts` clips.
        s, e = max(s, window[0]), min(e, window[1])
        if s < e:
            got.append((str(ev.get("X-ONCALL-SCHEDULE")), str(ev.get("X-ONCALL-PERSON")), s, e))

    # Events are split at rotation handoffs when the same person continues
    # into the next turn; merged back, they must be exactly the shifts.
    got.sort(key=lambda x: (x[0], x[2]))
    merged = []
    for g in got:
        if merged and merged[-1][0] == g[0] and merged[-1][1] == g[1] and merged[-1][3] == g[2]:
            merged[-1] = (g[0], g[1], merged[-1][2], g[3])
        else:
            merged.append(g)
    got = merged

    want = []
    for schedule, shifts in json.load(open(shifts_path)).items():
        for sh in shifts:
            want.append((schedule, sh["person"], parse_instant(sh["start"]), parse_instant(sh["end"])))
    got.sort(key=lambda x: (x[2], x[0]))
    want.sort(key=lambda x: (x[2], x[0]))
    if got != want:
        fail(problems, f"events differ from the shifts: {len(got)} events, {len(want)} shifts")
        for g, w in zip(got, want):
            if g != w:
                fail(problems, f"  first difference: event {g} vs shift {w}")
                break

    for p in problems:
        print(p)
    print(f"{len(got)} events checked against {len(want)} shifts: {'ok' if not problems else 'FAILED'}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))

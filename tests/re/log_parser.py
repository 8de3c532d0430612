# A log parser built on named groups, finditer and groupdict.
import re

LOG = """\
2024-01-05 10:00:01 INFO  [web] GET /index.html 200 512
2024-01-05 10:00:02 WARN  [db] slow query took 1532ms
2024-01-05 10:00:03 ERROR [web] POST /login 500 0
garbage line without structure
2024-01-05 10:00:04 INFO  [auth] user=alice action=login
2024-01-05 10:00:05 DEBUG [web] GET /favicon.ico 404 0
"""

LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}) "
    r"(?P<level>[A-Z]+)\s+\[(?P<comp>\w+)\] (?P<msg>.*)$",
    re.MULTILINE,
)
REQ = re.compile(r"(?P<method>GET|POST) (?P<path>/\S*) (?P<status>\d{3}) (?P<size>\d+)")
KV = re.compile(r"(\w+)=(\w+)")

counts = {}
for m in LINE.finditer(LOG):
    d = m.groupdict()
    counts[d["level"]] = counts.get(d["level"], 0) + 1
    req = REQ.fullmatch(d["msg"])
    if req:
        print(m.start(), d["time"], d["comp"], req["method"], req.group("path", "status"), int(req["size"]))
    elif KV.search(d["msg"]):
        print(m.start(), d["time"], dict(KV.findall(d["msg"])))
    else:
        ms = re.search(r"(\d+)ms", d["msg"])
        print(m.start(), d["time"], d["level"], ms.group(1) if ms else None, m.span("msg"))
print(sorted(counts.items()))
print(LINE.match(LOG).lastgroup, LINE.match(LOG).lastindex, LINE.groups, sorted(LINE.groupindex.items()))
bad = [line for line in LOG.splitlines() if not LINE.match(line)]
print(bad)
print(re.sub(r"(?P<d>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)", r"\g<day>/\g<m>/\g<d>", LOG.splitlines()[0]))
errors = [m.group("comp", "msg") for m in LINE.finditer(LOG) if m["level"] in ("ERROR", "WARN")]
print(errors)

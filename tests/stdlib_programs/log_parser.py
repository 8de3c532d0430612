# re: parse a web-server log, aggregate with collections, report with formatting.
import re
from collections import Counter, defaultdict
import heapq  # Counter.most_common(n) imports heapq lazily

LOG = """\
192.168.1.10 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326 "-" "Mozilla/5.0"
10.0.0.5 - alice [10/Oct/2023:13:56:01 +0000] "POST /api/login HTTP/1.1" 302 512 "https://example.com/" "curl/8.0"
192.168.1.10 - - [10/Oct/2023:13:57:12 +0000] "GET /images/logo.png HTTP/1.1" 200 10240 "-" "Mozilla/5.0"
172.16.0.3 - - [10/Oct/2023:14:01:44 +0000] "GET /missing HTTP/1.1" 404 0 "-" "Googlebot/2.1"
10.0.0.5 - alice [10/Oct/2023:14:02:00 +0000] "GET /api/items?page=2&size=50 HTTP/1.1" 200 8812 "-" "curl/8.0"
this line is garbage
192.168.1.11 - bob [10/Oct/2023:14:03:13 +0000] "DELETE /api/items/17 HTTP/1.1" 500 91 "-" "python-requests/2.31"
"""

LINE = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) \[(?P<when>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<ver>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+) '
    r'"(?P<ref>[^"]*)" "(?P<agent>[^"]*)"$'
)
WHEN = re.compile(r"(\d+)/(\w+)/(\d+):(\d+):(\d+):(\d+) ([+-]\d{4})")

by_status = Counter()
bytes_by_ip = defaultdict(int)
users = set()
bad = []
for n, line in enumerate(LOG.splitlines(), 1):
    m = LINE.match(line)
    if not m:
        bad.append(n)
        continue
    g = m.groupdict()
    by_status[g["status"]] += 1
    bytes_by_ip[g["ip"]] += int(g["size"])
    if g["user"] != "-":
        users.add(g["user"])
    day, mon, year, hh, mm, ss, tz = WHEN.match(g["when"]).groups()
    path = re.sub(r"\?.*$", "", g["path"])
    query = dict(re.findall(r"(\w+)=(\w+)", g["path"]))
    print(f"{n}: {hh}:{mm} {g['method']:<6} {path:<20} {g['status']} {int(g['size']):>6} {query} {m.span('path')}")

print("bad lines:", bad)
print("status:", sorted(by_status.items()), by_status.most_common(1))
for ip, total in sorted(bytes_by_ip.items(), key=lambda kv: -kv[1]):
    print(f"{ip:>15} {total:>8,}")
print("users:", sorted(users))
print(re.split(r"[\s,;]+", "a, b;c  d"), re.sub(r"(\d+)", lambda m: str(int(m[1]) * 2), "x1 y22 z333"))
print(re.findall(r"\b[A-Z][a-z]+\b", "Alice met Bob and carol in Paris"), re.fullmatch(r"\d+", "123x"))
print(re.sub(r"(?P<w>\w+)@(\w+)", r"\g<w> at \2", "me@host you@there"), re.escape("a.b*c"))
print([m.group(0) for m in re.finditer(r"\d+", "a1b22c333")], re.compile(r"(?i)hello").search("Say HELLO").group())
print(re.match(r"(a)(b)?", "ac").groups(), re.match(r"(a)(b)?", "ac").groups("-"), re.subn(r"a", "b", "banana"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)

# time.strptime and datetime.strptime import _strptime lazily: the build must carry it
# without the program importing it.
import time
from datetime import datetime, date

t = time.strptime("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S")
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday)
print(tuple(time.strptime("Mar 5 1999", "%b %d %Y"))[:6])
d = datetime.strptime("31/12/2023 23:59", "%d/%m/%Y %H:%M")
print(d, d.isoformat(), d.weekday())
print(datetime.strptime("2023-07-04T10:00:00+0200", "%Y-%m-%dT%H:%M:%S%z"))
print(date.fromisoformat("2020-01-01"))
for bad, fmt in [("2024-13-01", "%Y-%m-%d"), ("hello", "%Y"), ("2024-01-01 extra", "%Y-%m-%d")]:
    try:
        time.strptime(bad, fmt)
    except ValueError as e:
        print("ValueError:", e)

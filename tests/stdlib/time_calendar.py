# Calendar time: struct_time, gmtime, localtime/mktime round trip, strftime, asctime,
# ctime (UTC-independent values only), and their errors.
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t[0], t.tm_zone, t.tm_gmtoff, len(t), isinstance(t, tuple), type(t).__name__)
print(tuple(t), time.gmtime(0)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", t))
print(time.strftime("", t) == "", time.asctime(t), time.asctime(time.gmtime(86400 * 40)))
lt = time.localtime(1700000000)
print(time.mktime(lt), type(time.mktime(lt)).__name__)
print(time.localtime().tm_year >= 2023, len(time.ctime()) == 24, len(time.asctime()) == 24)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)))
print(isinstance(time.timezone, int), isinstance(time.daylight, int), len(time.tzname))
for bad in [lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime("%Y", (1, 2)),
            lambda: time.gmtime(float("nan")),
            lambda: time.struct_time((1, 2))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

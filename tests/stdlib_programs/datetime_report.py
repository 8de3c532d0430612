# datetime: date/time/datetime/timedelta arithmetic, strftime with fixed dates, isoformat/parsing, timezone.
from datetime import date, datetime, time, timedelta, timezone
import _strptime  # datetime.strptime imports it lazily (not followed by the module graph yet)

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), tuple(d.isocalendar()))  # pure-Python datetime: no C repr
print(d.replace(day=1), d.toordinal(), date.fromordinal(738000), date.fromisoformat("2023-12-31"), d.timetuple()[:6])
print(d.strftime("%Y/%m/%d %A %B %j %U %a %b %y"), f"{d:%d.%m.%Y}", d.ctime(), (date(2024, 12, 25) - d).days)
t = time(13, 5, 9, 250000)
print(t, t.isoformat(timespec="minutes"), t.strftime("%I:%M:%S %p"), t.replace(hour=0), time.fromisoformat("07:30"))
dt = datetime(2023, 10, 10, 13, 55, 36)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=" "), dt.date(), dt.time(), dt.timestamp() if False else "")
print(dt + timedelta(hours=12, minutes=10), dt - timedelta(weeks=2), dt - datetime(2023, 1, 1), dt.strftime("%H:%M:%S %d-%b-%Y"))
print(datetime.strptime("10/Oct/2023:13:55:36", "%d/%b/%Y:%H:%M:%S"), datetime.fromisoformat("2023-10-10T13:55:36.123"))
td = timedelta(days=1, hours=3, seconds=61, microseconds=5)
print(td, repr(td), td.total_seconds(), td * 2, td / 2, -td, abs(-td), td // timedelta(hours=1), timedelta(0))
print(timedelta(days=-1, seconds=5), str(timedelta(microseconds=-1)), timedelta(hours=36) > timedelta(days=1))
utc = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
ist = timezone(timedelta(hours=5, minutes=30), "IST")
print(utc, utc.astimezone(ist), utc.astimezone(ist).tzname(), utc.utcoffset(), utc.isoformat(), ist)
print(sorted([date(2020, 1, 2), date(2019, 5, 5), date(2020, 1, 1)]), max(dt, datetime(2024, 1, 1)))
print(date(2024, 1, 31) < date(2024, 2, 1), dt.replace(year=2020), datetime.combine(d, t), dt.weekday())
# Only errors whose text the pure-Python datetime shares with CPython's C _datetime.
for bad in [lambda: datetime.strptime("x", "%Y"), lambda: datetime.strptime("2023-13-01", "%Y-%m-%d"),
            lambda: date.fromisoformat("2023/01/01")]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

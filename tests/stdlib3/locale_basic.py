# _locale through locale, calendar and time.strptime (the C locale's names).
import _locale
import _strptime  # time.strptime imports it at run time: pyc must compile it in
import calendar
import locale
import time

print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.setlocale(locale.LC_NUMERIC))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.D_FMT), locale.nl_langinfo(locale.T_FMT))
print([locale.nl_langinfo(getattr(locale, "DAY_%d" % i)) for i in range(1, 8)])
print([locale.nl_langinfo(getattr(locale, "ABMON_%d" % i)) for i in range(1, 13)])
print(locale.nl_langinfo(locale.RADIXCHAR), repr(locale.nl_langinfo(locale.THOUSEP)), locale.nl_langinfo(locale.YESEXPR))
print(locale.format_string("%d items cost %.2f", (1234567, 1234.5)))
print(locale.format_string("%d", 1234567, grouping=True), locale.str(3.25), locale.atof("2.5"), locale.atoi("42"))
print(locale.currency(12.5) if conv["currency_symbol"] else "no currency symbol")
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("x", "x"), locale.strxfrm("abc"))
print(locale.normalize("en_US"), locale.getpreferredencoding(False).lower().replace("-", ""))
print(_locale.CHAR_MAX, _locale.LC_ALL == locale.LC_ALL, _locale.gettext("msg"))

calendar.setfirstweekday(calendar.MONDAY)
print(calendar.month(2024, 2))
print(calendar.day_name[0], calendar.month_abbr[12], list(calendar.day_abbr))
print(calendar.TextCalendar().formatmonth(2023, 12))
print(calendar.isleap(2024), calendar.monthrange(2023, 2), calendar.weekday(2000, 1, 1))

t = time.strptime("2024-03-15 13:45:30", "%Y-%m-%d %H:%M:%S")
print(tuple(t)[:6], t.tm_wday, t.tm_yday)
t = time.strptime("Fri Mar 15 13:45:30 2024")
print(tuple(t)[:6])
t = time.strptime("15 March 2024, 01:05 PM", "%d %B %Y, %I:%M %p")
print(tuple(t)[:6])
print(time.strptime("Monday 5 Feb 2018", "%A %d %b %Y")[:3])


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: time.strptime("2024-13-01", "%Y-%m-%d"))
show(lambda: time.strptime("nonsense", "%Y"))
show(lambda: time.strptime("2024", "%Y %Q"))
show(lambda: locale.setlocale(locale.LC_ALL, "xx_NOT_A_LOCALE"))
show(lambda: locale.setlocale(12345))
show(lambda: _locale.nl_langinfo(987654))
show(lambda: _locale.setlocale("x"))
show(lambda: locale.atof("1,5"))
print(issubclass(locale.Error, Exception), locale.Error.__module__)

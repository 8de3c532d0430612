CURRENCY = "EUR"


def fmt(cents):
    from ..models import Product  # noqa: F401  (the package is fully imported by now)
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d} {CURRENCY}"


def parse(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])

# statistics (imports decimal and fractions).
import statistics
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data))
print(statistics.pstdev(data), statistics.stdev(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.fmean([1.5, 2.5]))
print(statistics.mean([Fraction(1, 3), Fraction(2, 3)]), statistics.mean([Decimal("1.1"), Decimal("2.2")]))
print(statistics.stdev([Decimal("1.5"), Decimal("2.5"), Decimal("2.5")]), statistics.harmonic_mean([40, 60]))
print(statistics.geometric_mean([1, 10, 100]), statistics.quantiles(range(1, 11), n=4), statistics.multimode("aabbbcc"))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)

# math trig functions and hypot, degrees/radians, atan2, rounding for stable output.
import math
for deg in (0, 30, 45, 60, 90, 180, 270, 360):
    r = math.radians(deg)
    print(deg, round(r, 6), round(math.sin(r), 10), round(math.cos(r), 10), round(math.tan(r), 6) if deg % 180 != 90 else "inf")
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1), math.atan2(1, 1), math.atan2(-1, -1), math.degrees(math.pi))
print(math.asin(1), math.acos(0), math.atan(1) * 4)
print(round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(0.5), 12))

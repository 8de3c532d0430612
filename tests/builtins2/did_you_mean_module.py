# AttributeError suggestion on a module.
import math
math.sqr(4)

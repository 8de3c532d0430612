from ... import ROOT
from ...l1 import l2
from .. import l2 as same
result = (ROOT, l2 is same, same.__name__)

"""pyc's `array` module: typed arrays of numbers stored as Python values and converted
with `struct` on the way in (range checks) and out (`tobytes`). Enough for the standard
library's uses (multiprocessing's fd passing, sockets' send_fds); arrays do not export
the buffer protocol (pass `a.tobytes()` where CPython accepts the array itself)."""

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

_RANGES = {
    'b': ('signed char', -128, 127),
    'B': ('unsigned byte integer', 0, 255),
    'h': ('signed short integer', -32768, 32767),
    'H': ('unsigned short', 0, 65535),
    'i': ('signed integer', -2 ** 31, 2 ** 31 - 1),
    'I': ('unsigned int', 0, 2 ** 32 - 1),
    'l': ('signed long integer', -2 ** 63, 2 ** 63 - 1),
    'L': ('unsigned long', 0, 2 ** 64 - 1),
    'q': ('signed long long', -2 ** 63, 2 ** 63 - 1),
    'Q': ('unsigned long long', 0, 2 ** 64 - 1),
}


def _check_item(typecode, v):
    if typecode == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    if typecode in 'fd':
        if not isinstance(v, (int, float)):
            raise TypeError("must be real number, not %s" % type(v).__name__)
        return float(v)
    if not isinstance(v, int):
        if isinstance(v, float):
            raise TypeError("integer argument expected, got float")
        raise TypeError("an integer is required (got type %s)" % type(v).__name__)
    what, lo, hi = _RANGES[typecode]
    if v < lo:
        raise OverflowError("%s is less than minimum" % what)
    if v > hi:
        raise OverflowError("%s is greater than maximum" % what)
    return v


def _fmt(typecode):
    return 'I' if typecode == 'u' else typecode


class array:
    """array(typecode [, initializer]) -> array"""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s" % type(typecode).__name__)
        if typecode not in typecodes:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _struct.calcsize(_fmt(self._typecode))

    def append(self, v):
        self._items.append(_check_item(self._typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array) and iterable._typecode != self._typecode:
            raise TypeError("can only extend with array of same kind")
        for v in iterable:
            self.append(v)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        checked = [_check_item(self._typecode, v) for v in items]
        self._items.extend(checked)

    def tolist(self):
        return list(self._items)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        n = len(data) // size
        vals = _struct.unpack('=%d%s' % (n, _fmt(self._typecode)), data)
        if self._typecode == 'u':
            vals = [chr(v) for v in vals]
        self._items.extend(vals)

    def tobytes(self):
        vals = self._items
        if self._typecode == 'u':
            vals = [ord(c) for c in vals]
        return _struct.pack('=%d%s' % (len(vals), _fmt(self._typecode)), *vals)

    def fromunicode(self, s):
        if self._typecode != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def buffer_info(self):
        return (id(self), len(self._items))

    def byteswap(self):
        size = self.itemsize
        raw = self.tobytes()
        swapped = b''.join(raw[i:i + size][::-1] for i in range(0, len(raw), size))
        self._items = []
        self.frombytes(swapped)

    def count(self, v):
        return self._items.count(v)

    def index(self, v, start=0, stop=None):
        try:
            return self._items.index(v, start, len(self._items) if stop is None else stop)
        except ValueError:
            raise ValueError("array.index(x): x not in array") from None

    def insert(self, i, v):
        self._items.insert(i, _check_item(self._typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = array(self._typecode)
            r._items = self._items[i]
            return r
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError("can only assign array (not \"%s\") to array slice" % type(v).__name__)
            self._items[i] = v._items
            return
        try:
            self._items[i] = _check_item(self._typecode, v)
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        del self._items[i]

    def __contains__(self, v):
        return v in self._items

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array" % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")
        r = array(self._typecode)
        r._items = self._items + other._items
        return r

    def __mul__(self, n):
        r = array(self._typecode)
        r._items = self._items * n
        return r

    __rmul__ = __mul__

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._typecode
        if self._typecode == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._typecode, self._items)

    def __reduce_ex__(self, protocol):
        return (array, (self._typecode, list(self._items)))


ArrayType = array

"""pyc's `ctypes`: C data types over memory that Python owns (a bytearray, or any
writable buffer such as a shared `mmap` through `from_buffer`), which is what
`multiprocessing.sharedctypes` and direct uses of the simple types need. Values are
converted with `struct` (native sizes and alignment, C's wrap-around for integers).
Instances keep their memory as a byte-format memoryview.

Not supported, with a clear error instead of a crash: loading C libraries (`CDLL`...,
OSError), foreign function calls and callbacks, real pointers (`c_char_p`, `c_wchar_p`,
`cast`, pointer arithmetic), bit fields. `addressof` returns a made-up address that
`memset`, `memmove` and `string_at` understand: the memory of a live ctypes object."""

import struct as _struct
import sys as _sys
import weakref as _weakref
from operator import index as _index

__version__ = "1.1.0"

RTLD_LOCAL = 0
RTLD_GLOBAL = 256
DEFAULT_MODE = RTLD_LOCAL


class ArgumentError(Exception):
    pass


_UNSUPPORTED = "is not supported by pyc (compiled programs do not call C code through ctypes)"


def _unsupported(what):
    raise NotImplementedError("ctypes: %s %s" % (what, _UNSUPPORTED))


# ----- the memory of an instance -----

def _new_memory(size):
    return memoryview(bytearray(size))


def _attach(cls, mem, keep):
    """An instance of `cls` over the byte view `mem`, keeping `keep` alive."""
    self = object.__new__(cls)
    object.__setattr__(self, "_b_mem", mem)
    object.__setattr__(self, "_b_base_", keep)
    return self


def _mem(obj):
    return object.__getattribute__(obj, "_b_mem")


# ----- metaclasses: sizes, `type * n` -----

class _CDataMeta(type):
    def __mul__(cls, length):
        if not isinstance(length, int):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(length).__name__)
        return _array_type(cls, length)

    __rmul__ = __mul__

    def from_buffer(cls, source, offset=0):
        mv = memoryview(source)
        if mv.readonly:
            raise TypeError("underlying buffer is not writable")
        if not mv.c_contiguous:
            raise TypeError("underlying buffer is not C contiguous")
        if mv.format != "B" or mv.itemsize != 1:
            mv = mv.cast("B")
        if offset < 0:
            raise ValueError("offset cannot be negative")
        size = _size_of_type(cls)
        if len(mv) < offset + size:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)" % (len(mv), offset + size))
        return _attach(cls, mv[offset:offset + size], source)

    def from_buffer_copy(cls, source, offset=0):
        data = bytes(memoryview(source))
        if offset < 0:
            raise ValueError("offset cannot be negative")
        size = _size_of_type(cls)
        if len(data) < offset + size:
            raise ValueError("Buffer size too small (%d instead of at least %d bytes)" % (len(data), offset + size))
        return _attach(cls, memoryview(bytearray(data[offset:offset + size])), None)

    def from_address(cls, address):
        mem, _ = _resolve(address, _size_of_type(cls), "from_address")
        return _attach(cls, mem, None)

    def in_dll(cls, dll, name):
        _unsupported("in_dll")


class PyCSimpleType(_CDataMeta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases == (_CData,):
            return
        code = getattr(cls, "_type_", None)
        if code is None:
            raise AttributeError("class must define a '_type_' attribute")
        if not isinstance(code, str) or len(code) != 1 or code not in _CODES:
            raise ValueError("class must define a '_type_' attribute which must be\n"
                             "a single character string containing one of '%s'." % _CODES)
        cls._size_ = _code_size(code)
        cls._align_ = 16 if code == "g" else cls._size_


class PyCArrayType(_CDataMeta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases == (_CData,):
            return
        length = getattr(cls, "_length_", None)
        if length is None:
            raise AttributeError("class must define a '_length_' attribute")
        if not isinstance(length, int):
            raise TypeError("The '_length_' attribute must be an integer")
        if length < 0:
            raise ValueError("The '_length_' attribute must not be negative")
        item = getattr(cls, "_type_", None)
        if item is None:
            raise AttributeError("class must define a '_type_' attribute")
        cls._size_ = _size_of_type(item) * length
        cls._align_ = _align_of_type(item)


class PyCPointerType(_CDataMeta):
    pass


class PyCStructType(_CDataMeta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if "_fields_" in ns:
            _layout(cls, ns["_fields_"], union=False)


class UnionType(_CDataMeta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if "_fields_" in ns:
            _layout(cls, ns["_fields_"], union=True)


class _CData:
    __module__ = "_ctypes"
    def __hash__(self):
        raise TypeError("unhashable type")

    def __reduce__(self):
        return _unpickle, (type(self), bytes(_mem(self)))

    @property
    def _objects(self):
        return None

    @property
    def _b_needsfree_(self):
        return int(object.__getattribute__(self, "_b_base_") is None)


def _unpickle(cls, data):
    obj = cls.__new__(cls)
    _mem(obj)[:] = data
    return obj


def _size_of_type(t):
    size = getattr(t, "_size_", None) if isinstance(t, _CDataMeta) else None
    if size is None:
        raise TypeError("this type has no size")
    return size


def _align_of_type(t):
    align = getattr(t, "_align_", None) if isinstance(t, _CDataMeta) else None
    if align is None:
        raise TypeError("no alignment info")
    return align


# ----- simple types -----

_CODES = "cbBhHiIlLdfuzZqQPXOv?g"
_INT_CODES = "bBhHiIlLqQ"


def _pack(code, value):
    """The bytes C stores for `value` in a field of typecode `code`."""
    if code in _INT_CODES:
        v = _index(value)
        bits = _struct.calcsize(code) * 8
        v &= (1 << bits) - 1
        if code.islower() and v >= 1 << (bits - 1):
            v -= 1 << bits
        return _struct.pack(code, v)
    if code in "fdg":
        if not isinstance(value, (int, float)) and not hasattr(type(value), "__float__") \
                and not hasattr(type(value), "__index__"):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        v = float(value)
        if code == "f":
            try:
                return _struct.pack("f", v)
            except OverflowError:
                return _struct.pack("f", float("inf") if v > 0 else float("-inf"))
        return _struct.pack("d", v) + bytes(_struct.calcsize(code) - 8) if code == "g" else _struct.pack("d", v)
    if code == "?":
        return _struct.pack("?", bool(value))
    if code == "c":
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            return bytes(value)
        if isinstance(value, int) and 0 <= value < 256:
            return bytes((value,))
        raise TypeError("one character bytes, bytearray or integer expected")
    if code == "u":
        if not isinstance(value, str):
            raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
        if len(value) != 1:
            raise TypeError("one character unicode string expected")
        return _struct.pack("I", ord(value))
    if code == "P":
        if value is None:
            return _struct.pack("P", 0)
        if not isinstance(value, int):
            raise TypeError("cannot be converted to pointer")
        return _struct.pack("P", value & ((1 << 64) - 1))
    raise TypeError("ctypes: values of type code %r %s" % (code, _UNSUPPORTED))


def _unpack(code, data):
    if code == "u":
        return chr(_struct.unpack("I", data)[0])
    if code == "g":
        return _struct.unpack("d", data[:8])[0]
    if code == "P":
        return _struct.unpack("P", data)[0] or None
    return _struct.unpack(code, data)[0]


def _code_size(code):
    if code == "u":
        return 4
    if code == "g":
        return 16
    if code in "zZ":
        return _struct.calcsize("P")
    return _struct.calcsize(code)


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    __module__ = "_ctypes"
    def __new__(cls, *args, **kw):
        if cls is _SimpleCData:
            raise TypeError("abstract class")
        return _attach(cls, _new_memory(cls._size_), None)

    def __init__(self, *args, **kw):
        if len(args) > 1:
            raise TypeError("__init__ expected at most 1 argument, got %d" % len(args))
        if args:
            self.value = args[0]

    @property
    def value(self):
        return _unpack(type(self)._type_, _mem(self).tobytes())

    @value.setter
    def value(self, v):
        _mem(self)[:] = _pack(type(self)._type_, v)

    def __bool__(self):
        return bool(self.value)

    def __repr__(self):
        if type(self).__bases__[0] is not _SimpleCData:
            return object.__repr__(self)
        return "%s(%r)" % (type(self).__name__, self.value)

    @classmethod
    def from_param(cls, obj):
        return obj if isinstance(obj, cls) else cls(obj)


class c_byte(_SimpleCData): _type_ = "b"
class c_ubyte(_SimpleCData): _type_ = "B"
class c_short(_SimpleCData): _type_ = "h"
class c_ushort(_SimpleCData): _type_ = "H"
class c_int(_SimpleCData): _type_ = "i"
class c_uint(_SimpleCData): _type_ = "I"
class c_long(_SimpleCData): _type_ = "l"
class c_ulong(_SimpleCData): _type_ = "L"
class c_float(_SimpleCData): _type_ = "f"
class c_double(_SimpleCData): _type_ = "d"
class c_longdouble(_SimpleCData): _type_ = "g"
class c_char(_SimpleCData): _type_ = "c"
class c_wchar(_SimpleCData): _type_ = "u"
class c_bool(_SimpleCData): _type_ = "?"
class c_void_p(_SimpleCData): _type_ = "P"


class c_char_p(_SimpleCData):
    _type_ = "z"

    def __new__(cls, *args, **kw):
        _unsupported("c_char_p (a pointer to C memory)")


class c_wchar_p(_SimpleCData):
    _type_ = "Z"

    def __new__(cls, *args, **kw):
        _unsupported("c_wchar_p (a pointer to C memory)")


c_voidp = c_void_p
c_longlong, c_ulonglong = c_long, c_ulong
c_int8, c_uint8 = c_byte, c_ubyte
c_int16, c_uint16 = c_short, c_ushort
c_int32, c_uint32 = c_int, c_uint
c_int64, c_uint64 = c_long, c_ulong
c_size_t, c_ssize_t = c_ulong, c_long
c_time_t = c_long


def _is_fundamental(t):
    """Items of these types read as Python values (ints, bytes...), not ctypes objects."""
    return isinstance(t, PyCSimpleType) and t.__bases__[0] is _SimpleCData


def _load(t, mem, owner):
    if _is_fundamental(t):
        return _unpack(t._type_, mem.tobytes())
    return _attach(t, mem, owner)


def _store(t, mem, value):
    if isinstance(t, PyCSimpleType):
        if isinstance(value, t):
            value = value.value
        mem[:] = _pack(t._type_, value)
        return
    if isinstance(value, tuple) and isinstance(t, (PyCArrayType, PyCStructType, UnionType)):
        value = t(*value)
    if not isinstance(value, t):
        raise TypeError("expected %s instance, got %s" % (t.__name__, type(value).__name__))
    mem[:] = _mem(value).tobytes()


# ----- arrays -----

class Array(_CData, metaclass=PyCArrayType):
    __module__ = "_ctypes"
    def __new__(cls, *args, **kw):
        if cls is Array:
            raise TypeError("abstract class")
        return _attach(cls, _new_memory(cls._size_), None)

    def __init__(self, *args):
        if len(args) > self._length_:
            raise IndexError("invalid index")
        for i, v in enumerate(args):
            self[i] = v

    def __len__(self):
        return self._length_

    def _item(self, i):
        size = self._type_._size_
        return _mem(self)[i * size:(i + 1) * size]

    def _position(self, i):
        i = _index(i)
        if i < 0:
            i += self._length_
        if not 0 <= i < self._length_:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, key):
        if isinstance(key, slice):
            items = [self[i] for i in range(*key.indices(self._length_))]
            code = getattr(self._type_, "_type_", None) if _is_fundamental(self._type_) else None
            if code == "c":
                return b"".join(items)
            if code == "u":
                return "".join(items)
            return items
        if not hasattr(type(key), "__index__"):
            raise TypeError("indices must be integers")
        return _load(self._type_, self._item(self._position(key)), self)

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            positions = range(*key.indices(self._length_))
            values = list(value)
            if len(values) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(positions, values):
                self[i] = v
            return
        if not hasattr(type(key), "__index__"):
            raise TypeError("indices must be integer")
        _store(self._type_, self._item(self._position(key)), value)

    def __delitem__(self, key):
        raise TypeError("Array does not support item deletion")


def _char_value(self):
    raw = _mem(self).tobytes()
    end = raw.find(b"\0")
    return raw if end < 0 else raw[:end]


def _set_char_value(self, v):
    if not isinstance(v, bytes):
        raise TypeError("bytes expected instead of %s instance" % type(v).__name__)
    if len(v) > self._length_:
        raise ValueError("byte string too long")
    if len(v) < self._length_:
        v += b"\0"
    _mem(self)[:len(v)] = v


def _char_raw(self):
    return _mem(self).tobytes()


def _set_char_raw(self, v):
    v = bytes(memoryview(v))
    if len(v) > self._length_:
        raise ValueError("byte string too long")
    _mem(self)[:len(v)] = v


def _wchar_value(self):
    s = self[:]
    end = s.find("\0")
    return s if end < 0 else s[:end]


def _set_wchar_value(self, v):
    if not isinstance(v, str):
        raise TypeError("unicode string expected instead of %s instance" % type(v).__name__)
    if len(v) > self._length_:
        raise ValueError("string too long")
    if len(v) < self._length_:
        v += "\0"
    for i, ch in enumerate(v):
        self[i] = ch


_array_types = {}


def _caller_module():
    try:
        return _sys._getframe(3).f_globals.get("__name__", "ctypes")
    except (AttributeError, ValueError):
        return "ctypes"


def _array_type(item, length):
    if length < 0:
        raise ValueError("Array length must be >= 0, not %d" % length)
    key = (item, length)
    cls = _array_types.get(key)
    if cls is None:
        ns = {"_type_": item, "_length_": length, "__module__": _caller_module()}
        code = getattr(item, "_type_", None) if _is_fundamental(item) else None
        if code == "c":
            ns["value"] = property(_char_value, _set_char_value)
            ns["raw"] = property(_char_raw, _set_char_raw)
        elif code == "u":
            ns["value"] = property(_wchar_value, _set_wchar_value)
        cls = _array_types[key] = PyCArrayType("%s_Array_%d" % (item.__name__, length), (Array,), ns)
    return cls


def create_string_buffer(init, size=None):
    if isinstance(init, bytes):
        if size is None:
            size = len(init) + 1
        buf = (c_char * size)()
        buf.value = init
        return buf
    if isinstance(init, int):
        return (c_char * init)()
    raise TypeError(init)


def create_unicode_buffer(init, size=None):
    if isinstance(init, str):
        if size is None:
            size = len(init) + 1
        buf = (c_wchar * size)()
        buf.value = init
        return buf
    if isinstance(init, int):
        return (c_wchar * init)()
    raise TypeError(init)


c_buffer = create_string_buffer


# ----- structures and unions -----

def _text_code(t):
    """'c' or 'u' for arrays of c_char or c_wchar (fields of those types read and write
    as bytes or str), else None."""
    if isinstance(t, PyCArrayType) and _is_fundamental(t._type_) and t._type_._type_ in "cu":
        return t._type_._type_
    return None


def _store_text(t, mem, code, value):
    if code == "c":
        if not isinstance(value, bytes):
            raise TypeError("expected bytes, %s found" % type(value).__name__)
        if len(value) > t._length_:
            raise ValueError("bytes too long (%d, maximum length %d)" % (len(value), t._length_))
    elif not isinstance(value, str):
        raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
    elif len(value) > t._length_:
        raise ValueError("string too long (%d, maximum length %d)" % (len(value), t._length_))
    _attach(t, mem, None).value = value


class _CField:
    def __init__(self, name, ftype, offset, size):
        self.name, self.type, self.offset, self.size = name, ftype, offset, size
        self._text = _text_code(ftype)

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        mem = _mem(obj)[self.offset:self.offset + self.size]
        if self._text:
            return _attach(self.type, mem, obj).value
        return _load(self.type, mem, obj)

    def __set__(self, obj, value):
        mem = _mem(obj)[self.offset:self.offset + self.size]
        if self._text and not isinstance(value, self.type):
            _store_text(self.type, mem, self._text, value)
        else:
            _store(self.type, mem, value)

    def __repr__(self):
        return "<Field type=%s, ofs=%d, size=%d>" % (self.type.__name__, self.offset, self.size)


def _layout(cls, fields, union):
    base = cls.__mro__[1]
    offset = getattr(base, "_size_", 0) if not union else 0
    align = getattr(base, "_align_", 1)
    pack = getattr(cls, "_pack_", None)
    size = offset
    names = list(getattr(base, "_field_names_", ()))
    for f in fields:
        if len(f) != 2:
            _unsupported("bit fields")
        name, ftype = f
        fsize, falign = _size_of_type(ftype), _align_of_type(ftype)
        if pack:
            falign = min(falign, pack)
        if union:
            offset = 0
        else:
            offset = (offset + falign - 1) // falign * falign
        setattr(cls, name, _CField(name, ftype, offset, fsize))
        names.append(name)
        align = max(align, falign)
        offset += fsize
        size = max(size, offset)
    cls._size_ = (size + align - 1) // align * align
    cls._align_ = align
    cls._field_names_ = tuple(names)


class _StructBase(_CData):
    __module__ = "_ctypes"
    def __new__(cls, *args, **kw):
        if not hasattr(cls, "_size_"):
            raise TypeError("abstract class")
        return _attach(cls, _new_memory(cls._size_), None)

    def __init__(self, *args, **kw):
        names = getattr(type(self), "_field_names_", ())
        if len(args) > len(names):
            raise TypeError("too many initializers")
        for name, v in zip(names, args):
            setattr(self, name, v)
        for name, v in kw.items():
            if name in names[:len(args)]:
                raise TypeError("duplicate values for field %r" % name)
            setattr(self, name, v)


class Structure(_StructBase, metaclass=PyCStructType):
    __module__ = "_ctypes"
    pass


class Union(_StructBase, metaclass=UnionType):
    __module__ = "_ctypes"
    pass


BigEndianStructure = LittleEndianStructure = Structure


# ----- pointers -----

class _Pointer(_CData, metaclass=PyCPointerType):
    __module__ = "_ctypes"
    _size_ = _align_ = _struct.calcsize("P")

    def __new__(cls, *args, **kw):
        if not hasattr(cls, "_type_"):
            raise TypeError("Cannot create instance: has no _type_")
        return _attach(cls, _new_memory(cls._size_), None)

    def __init__(self, *args):
        object.__setattr__(self, "_target", None)
        if args:
            self.contents = args[0]

    @property
    def contents(self):
        target = object.__getattribute__(self, "_target")
        if target is None:
            raise ValueError("NULL pointer access")
        return target

    @contents.setter
    def contents(self, obj):
        if not isinstance(obj, self._type_):
            raise TypeError("expected %s instead of %s" % (self._type_.__name__, type(obj).__name__))
        object.__setattr__(self, "_target", obj)
        _mem(self)[:] = _struct.pack("P", addressof(obj))

    def __bool__(self):
        return object.__getattribute__(self, "_target") is not None

    def _at0(self, i):
        if _index(i) != 0:
            _unsupported("pointer arithmetic (indexing a pointer at other than 0)")
        return self.contents

    def __getitem__(self, i):
        target = self._at0(i)
        return _load(self._type_, _mem(target), target)

    def __setitem__(self, i, value):
        target = self._at0(i)
        _store(self._type_, _mem(target), value)


_pointer_types = {}


def POINTER(t):
    cls = _pointer_types.get(t)
    if cls is None:
        name = "LP_%s" % (t if isinstance(t, str) else t.__name__)
        cls = _pointer_types[t] = PyCPointerType(name, (_Pointer,), {"_type_": t, "__module__": "ctypes"})
    return cls


def pointer(obj):
    return POINTER(type(obj))(obj)


# ----- sizes, addresses, raw memory -----

def sizeof(obj_or_type):
    if isinstance(obj_or_type, _CData):
        return len(_mem(obj_or_type))
    return _size_of_type(obj_or_type)


def alignment(obj_or_type):
    if isinstance(obj_or_type, _CData):
        obj_or_type = type(obj_or_type)
    return _align_of_type(obj_or_type)


class _CArgObject:
    def __init__(self, obj, offset):
        self._obj, self._offset = obj, offset

    def __repr__(self):
        return "<cparam 'P' (%s)>" % hex(addressof(self._obj) + self._offset)


def byref(obj, offset=0):
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'" % type(obj).__name__)
    return _CArgObject(obj, offset)


# Made-up addresses of live objects: start -> (weak reference, size).
_addresses = {}
_next_address = [0x7f3a00000000]


def addressof(obj):
    if not isinstance(obj, _CData):
        raise TypeError("invalid type")
    try:
        return object.__getattribute__(obj, "_b_address")
    except AttributeError:
        pass
    size = max(len(_mem(obj)), 1)
    addr = _next_address[0]
    _next_address[0] += (size + 15) // 16 * 16 + 16
    object.__setattr__(obj, "_b_address", addr)
    _addresses[addr] = (_weakref.ref(obj, lambda _, a=addr: _addresses.pop(a, None)), size)
    return addr


def _resolve(where, count, fname):
    """The byte view of `count` bytes at `where` (an address, a ctypes object or a
    byref()), and the object owning it."""
    if isinstance(where, _CArgObject):
        return _resolve(addressof(where._obj) + where._offset, count, fname)
    if isinstance(where, _CData):
        where = addressof(where)
    if not isinstance(where, int):
        raise ArgumentError("argument 1: TypeError: wrong type")
    for start, (ref, size) in list(_addresses.items()):
        obj = ref()
        if obj is not None and start <= where and where + count <= start + size:
            off = where - start
            return _mem(obj)[off:off + count], obj
    raise ValueError("ctypes.%s: 0x%x is not the address of %d bytes of a live ctypes object "
                     "(the only memory pyc lets ctypes reach)" % (fname, where, count))


def memmove(dst, src, count):
    count = _index(count)
    data, _ = _resolve(src, count, "memmove")
    data = data.tobytes()
    target, _ = _resolve(dst, count, "memmove")
    target[:] = data
    return dst if isinstance(dst, int) else addressof(dst)


def memset(dst, c, count):
    count = _index(count)
    target, _ = _resolve(dst, count, "memset")
    target[:] = bytes((c & 0xFF,)) * count
    return dst if isinstance(dst, int) else addressof(dst)


def string_at(ptr, size=-1):
    if size < 0:
        data, obj = _resolve(ptr, 1, "string_at")
        start = (ptr if isinstance(ptr, int) else addressof(ptr)) - addressof(obj)
        raw = _mem(obj)[start:].tobytes()
        end = raw.find(b"\0")
        return raw if end < 0 else raw[:end]
    return _resolve(ptr, size, "string_at")[0].tobytes()


def resize(obj, size):
    _unsupported("resize")


def cast(obj, typ):
    _unsupported("cast")


def wstring_at(ptr, size=-1):
    _unsupported("wstring_at")


_errno = [0]


def get_errno():
    return _errno[0]


def set_errno(value):
    old, _errno[0] = _errno[0], value
    return old


# ----- foreign functions and libraries: not available -----

def CFUNCTYPE(restype, *argtypes, **kw):
    _unsupported("CFUNCTYPE (C callbacks)")


PYFUNCTYPE = CFUNCTYPE


class CDLL:
    def __init__(self, name, mode=DEFAULT_MODE, handle=None, use_errno=False, use_last_error=False, winmode=None):
        raise OSError("%s: cannot load a shared library: loading C libraries %s" % (name, _UNSUPPORTED))


class PyDLL(CDLL):
    pass


class LibraryLoader:
    def __init__(self, dlltype):
        self._dlltype = dlltype

    def __getattr__(self, name):
        if name[0] == "_":
            raise AttributeError(name)
        return self._dlltype(name)

    def __getitem__(self, name):
        return self._dlltype(name)

    def LoadLibrary(self, name):
        return self._dlltype(name)


cdll = LibraryLoader(CDLL)
pydll = LibraryLoader(PyDLL)

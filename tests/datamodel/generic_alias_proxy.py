# types.GenericAlias (list[int], type[int], ...) and the read-only mappingproxy class __dict__
a = list[int]
print(type(a), a.__parameters__, a == list[int], a != dict[int], hash(a) == hash(list[int]), a.__class__)
print(list[int](), dict[str, int](a=1), type[int], list[()], tuple[()], list[list[int]], list['x'], dict[str, 'Any'])
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
print(list[int].append, list[int].__name__)
try: list[int].foo
except AttributeError as e: print(e)
class L(list): pass
print(L[int], L[int]([1]))
class X(list[int]): pass
print(X.__bases__, X.__mro__)
print(enumerate[int], frozenset[int], set[str])
class C: pass
print(list[C])
try: int[str]
except TypeError as e: print(e)
print(type(C.__dict__).__name__, 'x' in C.__dict__, len(type.__dict__) > 5, C.__dict__.get('zz', 3))
print(list(k for k in C.__dict__ if not k.startswith('__')), C.__dict__ == dict(C.__dict__))
try: del C.__dict__['__module__']
except TypeError as e: print(e)
try: hash(C.__dict__)
except TypeError as e: print(e)
print(repr(type(C.__dict__)), sorted(C.__dict__.keys())[:2])
print(str(list[int]))
try: list[int][str]
except TypeError as e: print(e)
class C: pass
class G:
  def __getitem__(s,k): pass
class N: pass
for o,k in [((1,2),0),((1,2),'a'),('ab',0),(5,0),(5,'a'),(C.__dict__,0),(C.__dict__,'a'),(G(),0),(G(),'a'),(N(),0),(range(3),0),(b'x',0),(frozenset(),0), ((1,), True)]:
  try:
    del o[k]
  except TypeError as e: print(type(o).__name__, repr(k), e)

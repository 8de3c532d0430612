# typing annotations (Optional/List/Dict/NamedTuple/TypedDict/Generic/Protocol/Callable) and abc.
from abc import ABC, abstractmethod
import abc
from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional, Protocol, Tuple, TypedDict,
                    TypeVar, Union, runtime_checkable, get_type_hints, cast, overload)

T = TypeVar("T")
K = TypeVar("K", str, int)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100


class Movie(TypedDict, total=False):
    title: str
    year: int


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Resource:
    def close(self) -> None:
        print("closed")


def apply(f: Callable[[int], int], xs: List[int]) -> Dict[str, Union[int, str]]:
    return {str(x): f(x) for x in xs}


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.pop(), s.pop(), Stack[int], Stack.__parameters__ if hasattr(Stack, "__parameters__") else None)
e = Employee("ann")
print(e, e._replace(salary=5), Employee._fields, Employee.__annotations__, Employee._field_defaults)
m: Movie = {"title": "Up"}
print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)
print(isinstance(Resource(), Closable), isinstance(1, Closable), apply(lambda x: x * x, [1, 2]))
print(Optional[int], List[Dict[str, int]], Union[int, str], Union[int, None], Callable[[int], str], Tuple[int, ...])
print(get_type_hints(apply), apply.__annotations__["return"], cast(int, "x"), Any, K.__constraints__)
print(List[int] == List[int], Optional[int] == Union[int, None], List[int].__origin__, Dict[str, int].__args__)


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @property
    @abstractmethod
    def name(self) -> str: ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0.5


print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, ABC), sorted(Shape.__abstractmethods__))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as err:
        print("TypeError", err)


class Sized2(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "__len__") else NotImplemented


class Registered(abc.ABC):
    pass


Registered.register(int)
print(isinstance([], Sized2), isinstance(3, Sized2), isinstance(3, Registered), issubclass(bool, Registered))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"))

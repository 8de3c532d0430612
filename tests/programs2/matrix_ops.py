# matrix class with operator overloading, determinant and transpose
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __str__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(str(x).rjust(w) for x in r) for r in self.rows)
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[x * k for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, o):
        if self.m != o.n:
            raise ValueError(f"shape mismatch {self.n}x{self.m} @ {o.n}x{o.m}")
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def T(self):
        return Matrix(list(zip(*self.rows)))
    def det(self):
        if self.n == 1:
            return self.rows[0][0]
        if self.n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        return sum((-1) ** j * self.rows[0][j] * Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]).det() for j in range(self.n))
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B)
print(A @ B)
print(2 * A == A * 2, A * B == A @ B)
print(A.T(), A.det(), A[1, 0])
C = Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
print(C.det(), repr(C.T()))
try:
    A @ C
except ValueError as e:
    print(e)
I = Matrix([[int(i == j) for j in range(3)] for i in range(3)])
print(C @ I == C)

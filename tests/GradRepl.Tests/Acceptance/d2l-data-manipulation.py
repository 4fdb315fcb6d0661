# Dive into Deep Learning, 2.1 "Data Manipulation" (PyTorch version), each notebook cell's value printed.
import torch
torch.manual_seed(0)

x = torch.arange(12, dtype=torch.float32)
print(x)
print(x.numel())
print(x.shape)
X = x.reshape(3, 4)
print(X)
print(torch.zeros((2, 3, 4)))
print(torch.ones((2, 3, 4)))
print(torch.randn(3, 4))
print(torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))

print(X[-1], X[1:3])
X[1, 2] = 17
print(X)
X[:2, :] = 12
print(X)

print(torch.exp(x))
x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 2, 2, 2])
print(x + y, x - y, x * y, x / y, x ** y)

X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print(torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1))
print(X == Y)
print(X.sum())

a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
print(a, b)
print(a + b)

before = id(Y)
Y = Y + X
print(id(Y) == before)
Z = torch.zeros_like(Y)
Z[:] = X + Y
print(Z)
before = id(X)
X += Y
print(id(X) == before)
print(X)

A = X.numpy()
print(type(A).__name__, A.shape, A[0, 0])

a = torch.tensor([3.5])
print(a, a.item(), float(a), int(a))

# Exercises: the other comparisons, and broadcasting in three dimensions.
print(X < Y, X > Y)
print(torch.arange(6).reshape(3, 1, 2) + torch.arange(4).reshape(1, 4, 1))

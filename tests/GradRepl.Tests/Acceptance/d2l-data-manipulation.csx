// Dive into Deep Learning, 2.1 "Data Manipulation" (PyTorch version), ported line by line.
torch.manual_seed(0);

var x = torch.arange(12, dtype: torch.float32);
print(x);
print(x.numel());
print(x.shape);
var X = x.reshape(3, 4);
print(X);
print(torch.zeros(2, 3, 4));
print(torch.ones(2, 3, 4));
print(torch.randn(3, 4));
print(torch.tensor(new long[,] { { 2, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } }));

print(X[^1], X[1..3]);
X[1, 2] = 17;
print(X);
X[..2, ..] = 12;
print(X);

print(torch.exp(x));
x = torch.tensor(new[] { 1.0, 2, 4, 8 });
var y = torch.tensor(new long[] { 2, 2, 2, 2 });
print(x + y, x - y, x * y, x / y, x.pow(y));

X = torch.arange(12, dtype: torch.float32).reshape(3, 4);
var Y = torch.tensor(new[,] { { 2.0, 1, 4, 3 }, { 1, 2, 3, 4 }, { 4, 3, 2, 1 } });
print(torch.cat(new[] { X, Y }, dim: 0), torch.cat(new[] { X, Y }, dim: 1));
print(X == Y);
print(X.sum());

var a = torch.arange(3).reshape(3, 1);
var b = torch.arange(2).reshape(1, 2);
print(a, b);
print(a + b);

var before = Y;
Y = Y + X;
print(ReferenceEquals(Y, before));
var Z = torch.zeros_like(Y);
Z[..] = X + Y;
print(Z);
before = X;
X.add_(Y);
print(ReferenceEquals(X, before));
print(X);

var A = X.numpy();
print(A.GetType().Name == "Single[,]" ? "ndarray" : A.GetType().Name, (A.GetLength(0), A.GetLength(1)), A.GetValue(0, 0));

a = torch.tensor(new[] { 3.5 });
print(a, a.item(), (double)a.item(), (int)a.item());

// Exercises: the other comparisons, and broadcasting in three dimensions.
print(X < Y, X > Y);
print(torch.arange(6).reshape(3, 1, 2) + torch.arange(4).reshape(1, 4, 1));

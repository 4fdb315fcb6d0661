# What tests/fsharp/prelude.fsx prints, made by PyTorch 1.13 running the same steps:
#   /usr/bin/python3 fsharp-prelude.py > fsharp-prelude.expected.txt
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2.0
y.backward()
print("y:", y)
print("dy/dx at x = 2:", x.grad)

x2 = torch.tensor(2.0, requires_grad=True)
y2 = x2 ** 2.0 + 2.0 * x2 + 1.0
y2.backward()
print("dy/dx of x^2 + 2x + 1 at x = 2:", x2.grad)

u = torch.tensor(1.0, requires_grad=True)
v = torch.tensor(2.0, requires_grad=True)
f = u * v + u ** 2.0
f.backward()
print("df/du:", u.grad, "df/dv:", v.grad)

x3 = torch.tensor(2.0, requires_grad=True)
g = torch.autograd.grad(x3 ** 3.0, x3, create_graph=True)
print("first derivative:", g)
print("second derivative:", torch.autograd.grad(g[0], x3))

# The figure is saved by matplotlib's savefig in the lab; here only the message.
print("saved plots/fsharp-relu.png")

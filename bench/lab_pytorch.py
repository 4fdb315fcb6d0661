#!/usr/bin/env python3
"""The whole "Differentiation in PyTorch" lab as one script: the reference side of bench/run-startup.sh.

It does the same work as running every lesson in scripts/ (same numbers, same two figures), in the way a
learner would run the lab outside a notebook: import torch and matplotlib, compute, print, save the plots.

    /usr/bin/python3 bench/lab_pytorch.py [OUT_DIR]      # figures go to OUT_DIR (default: ./plots-pytorch)

Needs PyTorch 1.13 and matplotlib (Debian: python3-torch, python3-matplotlib). When they are missing the script
installs them with apt-get first (that is set-up, not part of a timed run: run-startup.sh calls --ensure once).
"""
import os
import subprocess
import sys


def ensure_packages():
    try:
        import matplotlib  # noqa: F401
        import torch  # noqa: F401
        return
    except ImportError:
        pass
    print("lab_pytorch.py: installing python3-torch and python3-matplotlib with apt-get", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-q", "python3-torch", "python3-matplotlib"], check=True, env=env,
                   stdout=subprocess.DEVNULL)


if len(sys.argv) > 1 and sys.argv[1] == "--ensure":
    ensure_packages()
    sys.exit(0)
ensure_packages()

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # no display: figures are only saved, as gradrepl's batch runs do
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

out_dir = sys.argv[1] if len(sys.argv) > 1 else "plots-pytorch"
os.makedirs(out_dir, exist_ok=True)


def save_figure(name):
    path = os.path.join(out_dir, name)
    plt.savefig(path)  # matplotlib's default: 6.4 x 4.8 in at 100 dpi = 640 x 480, like gradrepl's show()
    plt.close()
    print("saved", path)


# Derivatives: y = x^2 at x = 2, and what autograd keeps on each tensor.
x = torch.tensor(2.0, requires_grad=True)
print("x:", x)
print("shape of x:", x.shape)
y = x ** 2
print("y = x²:", y)
y.backward()
print("dy/dx at x = 2:", x.grad)
for name, t in (("x", x), ("y", y)):
    print("data:", t.data)
    print("grad_fn:", t.grad_fn)
    print("grad:", t.grad)  # PyTorch warns here for y (a non-leaf), as the lab shows
    print("is_leaf:", t.is_leaf)
    print("requires_grad:", t.requires_grad)

# A polynomial: y = x^2 + 2x + 1 at x = 2; gradients accumulate; the exercise 2x^3 + x at x = 1.
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
print("y at x = 2:", y)
y.backward()
print("dy/dx at x = 2:", x.grad)
y2 = x ** 2 + 2 * x + 1
y2.backward()
print("x.grad after a second backward:", x.grad)
x.grad.zero_()
print("x.grad after zero_():", x.grad)
x1 = torch.tensor(1.0, requires_grad=True)
y1 = 2 * x1 ** 3 + x1
print("y at x = 1:", y1)
y1.backward()
print("dy/dx at x = 1:", x1.grad)


# A custom autograd function: the square, with the chain rule in its backward.
class SQ(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        ctx.save_for_backward(i)
        return i ** 2

    @staticmethod
    def backward(ctx, grad_output):
        (i,) = ctx.saved_tensors
        return 2 * i * grad_output


class LabSQ(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        ctx.save_for_backward(i)
        return i ** 2

    @staticmethod
    def backward(ctx, grad_output):  # the lab's version: right only when grad_output is 1
        (i,) = ctx.saved_tensors
        return 2 * i


x = torch.tensor(2.0, requires_grad=True)
y = SQ.apply(x)
print(y)
print(y.grad_fn)
y.backward()
print("dy/dx at x = 2:", x.grad)
a = torch.tensor(2.0, requires_grad=True)
(3 * SQ.apply(a)).backward()
print("dz/dx with SQ:", a.grad)
b = torch.tensor(2.0, requires_grad=True)
(3 * LabSQ.apply(b)).backward()
print("dz/dx with LabSQ:", b.grad)

# Partial derivatives: f = uv + u^2 at u = 1, v = 2; the exercise uv + (uv)^2 at u = 2, v = 1.
u = torch.tensor(1.0, requires_grad=True)
v = torch.tensor(2.0, requires_grad=True)
f = u * v + u ** 2
print("f(u=1, v=2):", f)
f.backward()
print("∂f/∂u:", u.grad)
print("∂f/∂v:", v.grad)
u2 = torch.tensor(2.0, requires_grad=True)
v2 = torch.tensor(1.0, requires_grad=True)
f2 = u2 * v2 + (u2 * v2) ** 2
print("f(u=2, v=1):", f2)
f2.backward()
print("∂f/∂u:", u2.grad)
print("∂f/∂v:", v2.grad)

# Many values at once: the sum trick gives every point's derivative; plot x^2 and 2x.
x = torch.linspace(-10, 10, 10, requires_grad=True)
Y = x ** 2
y = torch.sum(Y)
print("x:", x)
print("Y:", Y)
print("y:", y)
y.backward()
print("dy/dx:", x.grad)
plt.figure()
plt.plot(x.detach().numpy(), Y.detach().numpy(), label="function")
plt.plot(x.detach().numpy(), x.grad.detach().numpy(), label="derivative")
plt.xlabel("x")
plt.legend()
save_figure("multiple-values-1.png")

# ReLU and its derivative on 1000 points; relu'(0) is 0.
x = torch.linspace(-10, 10, 1000, requires_grad=True)
Y = F.relu(x)
y = Y.sum()
print("points:", x.numel())
print("sum of relu(x):", y)
y.backward()
print("points with slope 1:", x.grad.sum())
t = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
F.relu(t).sum().backward()
print("relu' at -1, 0, 1:", t.grad)
plt.figure()
plt.plot(x.detach().numpy(), Y.detach().numpy(), label="function")
plt.plot(x.detach().numpy(), x.grad.detach().numpy(), label="derivative")
plt.xlabel("x")
plt.legend()
save_figure("relu-1.png")

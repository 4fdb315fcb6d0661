# Python twin of scripts/linear-regression-two-parameters.csx (the prints; plots are left out).
import torch

torch.manual_seed(1)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = 1 * X - 1
Y = f + 0.1 * torch.randn(X.size())

w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)

def forward(x):
    return w * x + b

def criterion(yhat, y):
    return torch.mean((yhat - y) ** 2)

loss = criterion(forward(X), Y)
loss.backward()
print("loss:", round(loss.item(), 2))
print("dloss/dw:", w.grad, "dloss/db:", b.grad)
w.grad.data.zero_()
b.grad.data.zero_()

lr = 0.1
LOSS = []
for epoch in range(15):
    loss = criterion(forward(X), Y)
    LOSS.append(loss.item())
    loss.backward()
    w.data = w.data - lr * w.grad.data
    b.data = b.data - lr * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    if epoch % 5 == 4:
        print("epoch", epoch, "loss", loss.data, "w", w.data, "b", b.data)
print("final loss:", criterion(forward(X), Y).data)

wv = torch.linspace(-15, 15, 31)
bv = torch.linspace(-15, 15, 31)
W = wv.view(1, -1).expand(31, 31)
B = bv.view(-1, 1).expand(31, 31)
Z = (W.unsqueeze(2) * X.view(1, 1, -1) + B.unsqueeze(2) - Y.view(1, 1, -1)).pow(2).mean(2)
print("cost on the grid: from", Z.min(), "to", Z.max())

# Exercise: lr = 0.2
w = torch.tensor(-15.0, requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
lr = 0.2
for epoch in range(15):
    loss = criterion(forward(X), Y)
    loss.backward()
    w.data = w.data - lr * w.grad.data
    b.data = b.data - lr * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
print("w:", w.data, "b:", b.data)

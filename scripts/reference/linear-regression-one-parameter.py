# Python twin of scripts/linear-regression-one-parameter.csx: prints what the lesson's //> lines hold.
import torch

torch.manual_seed(1)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = -3 * X
Y = f + 0.1 * torch.randn(X.size())
print("X:", X.shape)
print("first three samples:", X[0:3].view(-1), Y[0:3].view(-1))

def forward(x):
    return w * x

def criterion(yhat, y):
    return torch.mean((yhat - y) ** 2)

w = torch.tensor(-10.0, requires_grad=True)
print("loss at w = -10:", criterion(forward(X), Y))

lr = 0.1
LOSS = []
for epoch in range(4):
    Yhat = forward(X)
    loss = criterion(Yhat, Y)
    LOSS.append(loss.item())
    loss.backward()
    print("epoch", epoch, "loss", loss.data, "slope", w.grad, "w", w.data)
    w.data = w.data - lr * w.grad.data
    w.grad.data.zero_()
print("w after training:", w)

ws = torch.arange(-10, 6, 1.0)
costs = torch.stack([criterion(wi * X, Y) for wi in ws])
print("cost is lowest at w =", ws[costs.argmin()])

# Exercise: start at w = -15 with lr = 0.05
w = torch.tensor(-15.0, requires_grad=True)
lr = 0.05
for epoch in range(4):
    loss = criterion(forward(X), Y)
    loss.backward()
    w.data = w.data - lr * w.grad.data
    w.grad.data.zero_()
print("w after four epochs:", w)

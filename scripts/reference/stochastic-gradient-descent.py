# Python twin of scripts/stochastic-gradient-descent.csx (the prints; plots are left out).
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

def train(batch_size, epochs, lr):
    global w, b
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    losses = []
    n = X.shape[0]
    for epoch in range(epochs):
        losses.append(criterion(forward(X), Y).item())
        for i in range(0, n, batch_size):
            loss = criterion(forward(X[i:i + batch_size]), Y[i:i + batch_size])
            loss.backward()
            w.data = w.data - lr * w.grad.data
            b.data = b.data - lr * b.grad.data
            w.grad.data.zero_()
            b.grad.data.zero_()
    losses.append(criterion(forward(X), Y).item())
    return losses

print("a batch of five:", X[0:5].shape, "the last:", X[55:60].view(-1))

loss_bgd = train(60, 10, 0.1)
print("batch gradient descent, 10 steps: w", w.data, "b", b.data)

loss_sgd = train(1, 10, 0.1)
print("stochastic gradient descent, 600 steps: w", w.data, "b", b.data)

for size in [5, 10, 20]:
    losses = train(size, 10, 0.1)
    print("batches of", size, "->", 60 // size, "steps per epoch: w", w.data, "b", b.data)

print("loss after one epoch, full batch vs one sample:", round(loss_bgd[1], 2), round(loss_sgd[1], 2))

# Exercise
losses = train(1, 10, 0.01)
print("lr 0.01, one sample at a time: w", w.data, "b", b.data)

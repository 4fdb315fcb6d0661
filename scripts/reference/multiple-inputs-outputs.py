# Python twin of scripts/multiple-inputs-outputs.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
model = nn.Linear(2, 1)
print(model)
print("weight:", model.weight.shape, "bias:", model.bias.shape)
x = torch.tensor([[1.0, 2.0]])
print("model:", model(x))
print("by hand:", x.mm(model.weight.t()) + model.bias)

X = torch.zeros(20, 2)
X[:, 0] = torch.arange(-1, 1, 0.1)
X[:, 1] = torch.rand(20) * 2 - 1
w = torch.tensor([[2.0], [-1.0]])
b = 1
f = X.mm(w) + b
Y = f + 0.1 * torch.randn(20, 1)
print("X:", X.shape, "Y:", Y.shape)

criterion = nn.MSELoss()

def train(model, X, Y, epochs, lr):
    loader = DataLoader(TensorDataset(X, Y), batch_size=2, shuffle=True)
    optimizer = optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(criterion(model(X), Y).item())
    return losses

LOSS1 = train(model, X, Y, 50, 0.1)
print("loss:", round(LOSS1[-1], 4))
print(model.state_dict())

model2 = nn.Linear(2, 2)
W2 = torch.tensor([[2.0, 1.0], [-1.0, 3.0]])
b2 = torch.tensor([[1.0, -1.0]])
Y2 = X.mm(W2) + b2 + 0.1 * torch.randn(20, 2)
print("Y2:", Y2.shape, "model2(X):", model2(X).shape)
LOSS2 = train(model2, X, Y2, 50, 0.1)
print("loss:", round(LOSS2[-1], 4))
print("weight:", model2.weight.data)
print("bias:", model2.bias.data)

# Exercise
torch.manual_seed(4)
model3 = nn.Linear(2, 3)
Y3 = torch.cat([Y2, X.sum(1, keepdim=True)], 1)
LOSS3 = train(model3, X, Y3, 50, 0.1)
print("weight:", model3.weight.data)

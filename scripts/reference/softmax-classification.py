# Python twin of scripts/softmax-classification.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
X = torch.arange(-2, 2, 0.1).view(-1, 1)
Y = torch.zeros(X.shape[0], dtype=torch.long)
Y[torch.logical_and(X[:, 0] > -1, X[:, 0] < 1)] = 1
Y[X[:, 0] >= 1] = 2
print("labels:", Y)

model = nn.Sequential(nn.Linear(1, 3))
print(model)
z = model(X[torch.tensor([0, 20, 39])])
print("scores:", z)
print("probabilities:", torch.softmax(z, dim=1))
criterion = nn.CrossEntropyLoss()
print("loss:", criterion(model(X), Y))

loader = DataLoader(TensorDataset(X, Y), batch_size=5, shuffle=True)
optimizer = optim.SGD(model.parameters(), lr=0.1)
LOSS = []
ACC = []
for epoch in range(100):
    for xb, yb in loader:
        loss = criterion(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        z = model(X)
        LOSS.append(criterion(z, Y).item())
        accuracy = (z.argmax(1) == Y).float().mean()
        ACC.append(accuracy.item())
    if epoch % 25 == 24:
        print("epoch", epoch, "loss", round(LOSS[-1], 4), "accuracy", accuracy)

_, yhat = model(X).max(1)
print("predicted:", yhat)
print(model.state_dict())

# Exercise
print("P(class) at x = 0.5:", torch.softmax(model(torch.tensor([[0.5]])), dim=1))

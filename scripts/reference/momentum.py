# Python twin of scripts/momentum.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

def f(w):
    return w ** 4 - 4 * w ** 2 + 1.5 * w

ws = torch.linspace(-2.2, 2.6, 100)
i = f(ws).argmin()
print("lowest point of the curve near w =", ws[i])

def descend(start, momentum):
    w = nn.Parameter(torch.tensor(start))
    optimizer = optim.SGD([w], lr=0.01, momentum=momentum)
    path = [w.item()]
    for step in range(100):
        loss = f(w)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        path.append(w.item())
    return w, path

PATHS = {}
for m in [0.0, 0.5, 0.9]:
    w, PATHS[m] = descend(2.5, m)
    print("momentum", m, "ends at w =", w.data, "loss", f(w).data)

torch.manual_seed(1)
X = torch.zeros(100, 2)
Y = torch.zeros(100, 1)
X[25:50, 1] = 1
Y[25:50] = 1
X[50:75, 0] = 1
Y[50:75] = 1
X[75:100] = 1
X = X + 0.01 * torch.randn(100, 2)
loader = DataLoader(TensorDataset(X, Y), batch_size=10, shuffle=True)
criterion = nn.BCELoss()
LOSSES = {}
for m in [0.0, 0.5, 0.9]:
    torch.manual_seed(2)
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1), nn.Sigmoid())
    optimizer = optim.SGD(model.parameters(), lr=0.3, momentum=m)
    LOSSES[m] = []
    for epoch in range(100):
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            LOSSES[m].append(criterion(model(X), Y).item())
    with torch.no_grad():
        acc = ((model(X) > 0.5).float() == Y).float().mean()
    print("momentum", m, "loss", round(LOSSES[m][-1], 3), "accuracy", acc)
print(optimizer.param_groups[0]["momentum"])

# Exercise
w, path = descend(2.5, 0.8)
print("momentum 0.8 ends at w =", w.data)

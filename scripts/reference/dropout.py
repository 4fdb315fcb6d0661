# Python twin of scripts/dropout.csx (the prints; plots are left out).
import torch
from torch import nn, optim

torch.manual_seed(0)
dropout = nn.Dropout(0.5)
print(dropout(torch.ones(10)))
dropout.eval()
print(dropout(torch.ones(10)))

X = torch.linspace(-1, 1, 20).view(-1, 1)
Y = X ** 2 + 0.5 * torch.randn(X.size())
Xv = torch.linspace(-1, 1, 41).view(-1, 1)
Yv = Xv ** 2 + 0.3 * torch.randn(Xv.size())

def make_net(p):
    return nn.Sequential(nn.Linear(1, 100), nn.ReLU(), nn.Dropout(p),
                         nn.Linear(100, 100), nn.ReLU(), nn.Dropout(p),
                         nn.Linear(100, 1))

print(make_net(0.5))

criterion = nn.MSELoss()
MODELS = {}
for p in [0.0, 0.5]:
    torch.manual_seed(1)
    model = make_net(p)
    optimizer = optim.Adam(model.parameters(), lr=0.005)
    model.train()
    for epoch in range(300):
        loss = criterion(model(X), Y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        train_loss = criterion(model(X), Y).item()
        val_loss = criterion(model(Xv), Yv).item()
    print("dropout", p, "training loss", round(train_loss, 2), "validation loss", round(val_loss, 2))
    MODELS[p] = model

# Exercise
torch.manual_seed(1)
model = make_net(0.2)
optimizer = optim.Adam(model.parameters(), lr=0.005)
model.train()
for epoch in range(300):
    loss = criterion(model(X), Y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
model.eval()
with torch.no_grad():
    print("dropout 0.2 validation loss", round(criterion(model(Xv), Yv).item(), 2))

# Python twin of scripts/xor.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
X = torch.zeros(100, 2)
Y = torch.zeros(100, 1)
X[25:50, 1] = 1
Y[25:50] = 1
X[50:75, 0] = 1
Y[50:75] = 1
X[75:100] = 1
X = X + 0.01 * torch.randn(100, 2)
print("one sample per corner:", X[torch.tensor([0, 25, 50, 75])], Y[torch.tensor([0, 25, 50, 75])].view(-1))

class Net(nn.Module):
    def __init__(self, D_in, H, D_out):
        super(Net, self).__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        return torch.sigmoid(self.linear2(x))

print(Net(2, 2, 1))

criterion = nn.BCELoss()
loader = DataLoader(TensorDataset(X, Y), batch_size=10, shuffle=True)

def train(model, epochs, lr):
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

def accuracy(model):
    return ((model(X) > 0.5).float() == Y).float().mean()

MODELS = {}
LOSSES = {}
for H in [1, 2, 3]:
    MODELS[H] = Net(2, H, 1)
    LOSSES[H] = train(MODELS[H], 200, 1.0)
    print(H, "hidden: loss", round(LOSSES[H][-1], 3), "accuracy", accuracy(MODELS[H]))

corners = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
with torch.no_grad():
    print("hidden activations at the corners:")
    print(torch.sigmoid(MODELS[2].linear1(corners)).round(decimals=3))

# Exercise
torch.manual_seed(6)
seq = nn.Sequential(nn.Linear(2, 4), nn.Sigmoid(), nn.Linear(4, 1), nn.Sigmoid())
LOSS_SEQ = train(seq, 200, 1.0)
print("accuracy", accuracy(seq))

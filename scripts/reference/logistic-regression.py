# Python twin of scripts/logistic-regression.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(1)
sig = nn.Sigmoid()
print(sig(torch.tensor([-5.0, -1.0, 0.0, 1.0, 5.0])))

X = torch.arange(-1, 1, 0.1).view(-1, 1)
Y = torch.zeros(X.shape[0], 1)
Y[X[:, 0] > 0.2] = 1
print("labels:", Y.view(-1))

linear = nn.Linear(1, 1)
model = nn.Sequential(linear, nn.Sigmoid())
print(model)

def bad_start(model):
    model.state_dict()["0.weight"][0] = -5
    model.state_dict()["0.bias"][0] = -10

def accuracy(model):
    return ((model(X) > 0.5).float() == Y).float().mean()

bad_start(model)
print("probabilities at the start:", model(X).data.view(-1)[torch.tensor([0, 10, 19])])

loader = DataLoader(TensorDataset(X, Y), batch_size=3)

def train(model, criterion, epochs, lr):
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

LOSS_MSE = train(model, nn.MSELoss(), 100, 2)
print("squared error: accuracy", accuracy(model), "weight", linear.weight.data, "bias", linear.bias.data)

linear_bce = nn.Linear(1, 1)
model_bce = nn.Sequential(linear_bce, nn.Sigmoid())
bad_start(model_bce)
criterion = nn.BCELoss()
print(criterion(model_bce(X), Y))
LOSS_BCE = train(model_bce, criterion, 100, 2)
print("cross-entropy: accuracy", accuracy(model_bce), "weight", linear_bce.weight.data, "bias", linear_bce.bias.data)
print("the boundary:", -linear_bce.bias.data / linear_bce.weight.data.view(-1))

# Exercise
torch.manual_seed(5)
logits = nn.Linear(1, 1)
LOSS_LOGITS = train(logits, nn.BCEWithLogitsLoss(), 100, 2)
print("accuracy", ((logits(X) > 0).float() == Y).float().mean())

# Python twin of scripts/linear-regression-pytorch.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(1)

class Data(Dataset):
    def __init__(self):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.f = 1 * self.x - 1
        self.y = self.f + 0.1 * torch.randn(self.x.size())
        self.len = self.x.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len

dataset = Data()
print("samples:", len(dataset))
x0, y0 = dataset[0]
print("the first:", x0, y0)

class LR(nn.Module):
    def __init__(self, input_size, output_size):
        super(LR, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)

model = LR(1, 1)
print(model)
print(model.state_dict())
model.state_dict()["linear.weight"][0] = -15
model.state_dict()["linear.bias"][0] = -10
print(list(model.parameters()))

trainloader = DataLoader(dataset=dataset, batch_size=5, shuffle=True)
xb, yb = next(iter(trainloader))
print("a shuffled batch:", xb.view(-1))

criterion = nn.MSELoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
print("loss before training:", round(criterion(model(dataset.x), dataset.y).item(), 2))

LOSS = []
for epoch in range(10):
    for x, y in trainloader:
        yhat = model(x)
        loss = criterion(yhat, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        LOSS.append(criterion(model(dataset.x), dataset.y).item())
print("loss after 10 epochs:", round(LOSS[-1], 4))
print(model.state_dict())

# Exercise
torch.manual_seed(2)
X = torch.arange(-3, 3, 0.1).view(-1, 1)
Y = 2 * X + 1 + 0.1 * torch.randn(X.size())
ds = torch.utils.data.TensorDataset(X, Y)
loader = DataLoader(ds, batch_size=10, shuffle=True)
model2 = LR(1, 1)
optimizer2 = optim.SGD(model2.parameters(), lr=0.1)
for epoch in range(10):
    for x, y in loader:
        loss = criterion(model2(x), y)
        optimizer2.zero_grad()
        loss.backward()
        optimizer2.step()
print(model2.state_dict())

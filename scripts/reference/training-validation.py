# Python twin of scripts/training-validation.csx (the prints; plots are left out).
import torch
from torch import nn, optim
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(1)

class Data(Dataset):
    def __init__(self, train=True):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.f = -3 * self.x + 1
        self.y = self.f + 0.1 * torch.randn(self.x.size())
        if train:
            self.y[0] = 0
            self.y[50:55] = 20

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.x.shape[0]

train_data = Data()
val_data = Data(train=False)
print("outliers:", train_data.y[0], train_data.y[50:55].view(-1))

class LR(nn.Module):
    def __init__(self, input_size, output_size):
        super(LR, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)

criterion = nn.MSELoss()
trainloader = DataLoader(dataset=train_data, batch_size=1)
learning_rates = [0.0001, 0.001, 0.01, 0.1]
train_error = []
validation_error = []
MODELS = []
for lr in learning_rates:
    model = LR(1, 1)
    optimizer = optim.SGD(model.parameters(), lr=lr)
    for epoch in range(10):
        for x, y in trainloader:
            loss = criterion(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        train_error.append(criterion(model(train_data.x), train_data.y).item())
        validation_error.append(criterion(model(val_data.x), val_data.y).item())
    MODELS.append(model)
    print("lr", lr, "training error", round(train_error[-1], 2), "validation error", round(validation_error[-1], 2))

best = min(range(len(learning_rates)), key=lambda i: validation_error[i])
print("best learning rate on validation data:", learning_rates[best])
print(MODELS[best].state_dict())

# Exercise
torch.manual_seed(3)
model = LR(1, 1)
optimizer = optim.SGD(model.parameters(), lr=0.01)
l1 = nn.L1Loss()
for epoch in range(10):
    for x, y in trainloader:
        loss = l1(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
with torch.no_grad():
    print("L1 loss, lr 0.01: validation error", round(criterion(model(val_data.x), val_data.y).item(), 2))
print(model.state_dict())

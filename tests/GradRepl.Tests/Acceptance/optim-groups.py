# torch.optim's documentation, "Per-parameter options" and "Taking care of learning rate" (here a schedule written by
# hand), and the tutorial "Saving and loading a general checkpoint in PyTorch", on a small fully connected network in
# place of the tutorial's convolutional one. The model and the optimizer go to two files, not one dict in one file.
import os
import tempfile

import torch
from torch import nn, optim

os.chdir(tempfile.mkdtemp())  # the checkpoint files go to a fresh directory, as the C# port's test runs it in one
torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.base = nn.Sequential(nn.Linear(2, 4), nn.Tanh())
        self.classifier = nn.Linear(4, 1)

    def forward(self, x):
        return self.classifier(self.base(x))


model = Net()
optimizer = optim.SGD([
    {'params': model.base.parameters()},
    {'params': model.classifier.parameters(), 'lr': 1e-3}
], lr=1e-2, momentum=0.9)
print(optimizer)

X = torch.linspace(-1, 1, 8).reshape(4, 2)
Y = torch.tensor([[1.0], [0.0], [0.5], [-1.0]])
criterion = nn.MSELoss()
for epoch in range(4):
    optimizer.zero_grad()
    loss = criterion(model(X), Y)
    loss.backward()
    optimizer.step()
    for group in optimizer.param_groups:
        group['lr'] *= 0.5
    print(epoch, loss)
print([group['lr'] for group in optimizer.param_groups])
print(optimizer.state[model.classifier.bias])

print("Optimizer's state_dict:")
print("state", "\t", optimizer.state_dict()['state'])
print("param_groups", "\t", optimizer.state_dict()['param_groups'])

torch.save(model.state_dict(), "model.pt")
torch.save(optimizer.state_dict(), "optimizer.pt")

model2 = Net()
optimizer2 = optim.SGD([
    {'params': model2.base.parameters()},
    {'params': model2.classifier.parameters(), 'lr': 1e-3}
], lr=1e-2, momentum=0.9)
model2.load_state_dict(torch.load("model.pt"))
optimizer2.load_state_dict(torch.load("optimizer.pt"))
print(optimizer2.param_groups[1]['lr'])

for m, o in [(model, optimizer), (model2, optimizer2)]:
    o.zero_grad()
    criterion(m(X), Y).backward()
    o.step()
    print(m.classifier.weight)

extra = nn.Linear(1, 1)
optimizer.add_param_group({'params': extra.parameters(), 'lr': 0.1})
print(len(optimizer.param_groups), optimizer.param_groups[2]['lr'], optimizer.param_groups[2]['momentum'])
try:
    optimizer.add_param_group({'params': model.classifier.parameters()})
except ValueError as e:
    print("ValueError:", e)

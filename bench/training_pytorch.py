#!/usr/bin/python3
"""The training loops of the course's lessons in PyTorch 1.13 (issue 15, "Tests and performance").

Same work as bench/GradRepl.Bench.Engine's TrainingBench: the loops of scripts/reference/*.py without their prints
and plots, and a 784-100-10 network trained one epoch on 1,000 synthetic samples. Data are made once; every call
seeds the generator, builds the lesson's model, optimizer and loader, and runs the lesson's epochs (the perceptron's
model is made once: one epoch is the case). Timed by bench/engine_side_by_side.py, interleaved with GradRepl.
"""
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, Dataset, TensorDataset


class LessonData(Dataset):
    """linear-regression-pytorch's dataset: y = x - 1 with noise, 60 points."""

    def __init__(self):
        self.x = torch.arange(-3, 3, 0.1).view(-1, 1)
        self.f = 1 * self.x - 1
        self.y = self.f + 0.1 * torch.randn(self.x.size())
        self.len = self.x.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.len


class LR(nn.Module):
    def __init__(self, input_size, output_size):
        super(LR, self).__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)


class Net(nn.Module):
    def __init__(self, D_in, H, D_out):
        super(Net, self).__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        x = torch.sigmoid(self.linear1(x))
        return torch.sigmoid(self.linear2(x))


def make_training_cases():
    torch.manual_seed(1)
    line = LessonData()

    logistic_x = torch.arange(-1, 1, 0.1).view(-1, 1)
    logistic_y = torch.zeros(logistic_x.shape[0], 1)
    logistic_y[logistic_x[:, 0] > 0.2] = 1

    softmax_x = torch.arange(-2, 2, 0.1).view(-1, 1)
    softmax_y = torch.zeros(softmax_x.shape[0], dtype=torch.long)
    softmax_y[torch.logical_and(softmax_x[:, 0] > -1, softmax_x[:, 0] < 1)] = 1
    softmax_y[softmax_x[:, 0] >= 1] = 2

    torch.manual_seed(1)
    xor_x = torch.zeros(100, 2)
    xor_y = torch.zeros(100, 1)
    xor_x[25:50, 1] = 1
    xor_y[25:50] = 1
    xor_x[50:75, 0] = 1
    xor_y[50:75] = 1
    xor_x[75:100] = 1
    xor_x = xor_x + 0.01 * torch.randn(100, 2)

    torch.manual_seed(0)
    dropout_x = torch.linspace(-1, 1, 20).view(-1, 1)
    dropout_y = dropout_x ** 2 + 0.5 * torch.randn(dropout_x.size())

    torch.manual_seed(0)
    images = torch.randn(1000, 784)
    labels = torch.randint(0, 10, (1000,))
    mlp = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))

    def g1_lesson_linear_regression_pytorch():
        torch.manual_seed(1)
        model = LR(1, 1)
        model.state_dict()["linear.weight"][0] = -15
        model.state_dict()["linear.bias"][0] = -10
        trainloader = DataLoader(dataset=line, batch_size=5, shuffle=True)
        criterion = nn.MSELoss()
        optimizer = optim.SGD(model.parameters(), lr=0.1)
        LOSS = []
        for epoch in range(10):
            for x, y in trainloader:
                yhat = model(x)
                loss = criterion(yhat, y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            with torch.no_grad():
                LOSS.append(criterion(model(line.x), line.y).item())
        return LOSS

    def g2_lesson_logistic_regression_bce():
        torch.manual_seed(1)
        model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
        model.state_dict()["0.weight"][0] = -5
        model.state_dict()["0.bias"][0] = -10
        loader = DataLoader(TensorDataset(logistic_x, logistic_y), batch_size=3)
        criterion = nn.BCELoss()
        optimizer = optim.SGD(model.parameters(), lr=2)
        losses = []
        for epoch in range(100):
            for xb, yb in loader:
                loss = criterion(model(xb), yb)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            with torch.no_grad():
                losses.append(criterion(model(logistic_x), logistic_y).item())
        return losses

    def g3_lesson_softmax_cross_entropy():
        torch.manual_seed(1)
        model = nn.Sequential(nn.Linear(1, 3))
        criterion = nn.CrossEntropyLoss()
        loader = DataLoader(TensorDataset(softmax_x, softmax_y), batch_size=5, shuffle=True)
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
                z = model(softmax_x)
                LOSS.append(criterion(z, softmax_y).item())
                ACC.append((z.argmax(1) == softmax_y).float().mean().item())
        return LOSS

    def g4_lesson_xor_hidden_layer():
        torch.manual_seed(1)
        model = Net(2, 2, 1)
        criterion = nn.BCELoss()
        loader = DataLoader(TensorDataset(xor_x, xor_y), batch_size=10, shuffle=True)
        optimizer = optim.SGD(model.parameters(), lr=1.0)
        losses = []
        for epoch in range(200):
            for xb, yb in loader:
                loss = criterion(model(xb), yb)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            with torch.no_grad():
                losses.append(criterion(model(xor_x), xor_y).item())
        return losses

    def g5_lesson_momentum():
        torch.manual_seed(2)
        model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1), nn.Sigmoid())
        criterion = nn.BCELoss()
        loader = DataLoader(TensorDataset(xor_x, xor_y), batch_size=10, shuffle=True)
        optimizer = optim.SGD(model.parameters(), lr=0.3, momentum=0.9)
        losses = []
        for epoch in range(100):
            for xb, yb in loader:
                loss = criterion(model(xb), yb)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            with torch.no_grad():
                losses.append(criterion(model(xor_x), xor_y).item())
        return losses

    def g6_lesson_dropout_adam():
        torch.manual_seed(1)
        model = nn.Sequential(nn.Linear(1, 100), nn.ReLU(), nn.Dropout(0.5),
                              nn.Linear(100, 100), nn.ReLU(), nn.Dropout(0.5),
                              nn.Linear(100, 1))
        criterion = nn.MSELoss()
        optimizer = optim.Adam(model.parameters(), lr=0.005)
        model.train()
        for epoch in range(300):
            loss = criterion(model(dropout_x), dropout_y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return loss

    def h_mlp_784_100_10_one_epoch():
        criterion = nn.CrossEntropyLoss()
        optimizer = optim.SGD(mlp.parameters(), lr=0.1)
        loader = DataLoader(TensorDataset(images, labels), batch_size=100)
        for xb, yb in loader:
            loss = criterion(mlp(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return loss

    return [g1_lesson_linear_regression_pytorch, g2_lesson_logistic_regression_bce, g3_lesson_softmax_cross_entropy,
            g4_lesson_xor_hidden_layer, g5_lesson_momentum, g6_lesson_dropout_adam, h_mlp_784_100_10_one_epoch]

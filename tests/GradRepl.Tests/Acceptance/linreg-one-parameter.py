# IBM "Deep Neural Networks with PyTorch", lab "Linear Regression 1D: Training One Parameter".
# The lab draws; the prints show the values its figures are made of.
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
torch.manual_seed(0)

class plot_diagram():
    def __init__(self, X, Y, w, stop, go = False):
        start = w.data
        self.error = []
        self.parameter = []
        self.X = X.numpy()
        self.Y = Y.numpy()
        self.parameter_values = torch.arange(start, stop)
        self.Loss_function = [criterion(forward(X), Y).item() for w.data in self.parameter_values]
        w.data = start
        print("loss surface:", self.parameter_values, [round(l, 4) for l in self.Loss_function])

    def __call__(self, Yhat, w, error, n):
        self.error.append(error)
        self.parameter.append(w.data.item())
        plt.subplot(212)
        plt.plot(self.X, Yhat.detach().numpy())
        plt.plot(self.X, self.Y, 'ro')
        plt.xlabel("A")
        plt.ylim(-20, 20)
        plt.subplot(211)
        plt.title("Data Space (top) Estimated Line (bottom) Iteration " + str(n))
        plt.plot(self.parameter_values.numpy(), self.Loss_function)
        plt.plot(self.parameter, self.error, 'ro')
        plt.xlabel("B")
        plt.figure()

X = torch.arange(-3, 3, 0.1).view(-1, 1)
f = -3 * X
print(X.shape, X[:3], f[-3:])
plt.plot(X.numpy(), f.numpy(), label = 'f')
plt.xlabel('x')
plt.ylabel('y')
plt.legend()
plt.show()

Y = f + 0.1 * torch.randn(X.size())
print(Y[:5])
plt.plot(X.numpy(), Y.numpy(), 'rx', label = 'Y')
plt.plot(X.numpy(), f.numpy(), label = 'f')
plt.xlabel('x')
plt.ylabel('y')
plt.legend()
plt.show()

def forward(x):
    return w * x

def criterion(yhat, y):
    return torch.mean((yhat - y) ** 2)

lr = 0.1
LOSS = []
w = torch.tensor(-10.0, requires_grad = True)
gradient_plot = plot_diagram(X, Y, w, stop = 5)

def train_model(iter):
    for epoch in range (iter):
        Yhat = forward(X)
        loss = criterion(Yhat,Y)
        gradient_plot(Yhat, w, loss.item(), epoch)
        LOSS.append(loss.item())
        loss.backward()
        print(epoch, loss, w.grad)
        w.data = w.data - lr * w.grad.data
        w.grad.data.zero_()
        print(w)

train_model(4)
plt.plot(LOSS)
plt.tight_layout()
plt.xlabel("Epoch/Iterations")
plt.ylabel("Cost")
print("LOSS:", [round(l, 4) for l in LOSS])

# Practice: start at -15 and compare the two loss curves
w = torch.tensor(-15.0, requires_grad = True)
LOSS2 = []
gradient_plot1 = plot_diagram(X, Y, w, stop = 15)

def my_train_model(iter):
    for epoch in range (iter):
        Yhat = forward(X)
        loss = criterion(Yhat,Y)
        gradient_plot1(Yhat, w, loss.item(), epoch)
        LOSS2.append(loss)
        loss.backward()
        w.data = w.data - lr * w.grad.data
        w.grad.data.zero_()

my_train_model(4)
print(LOSS2)
plt.plot(LOSS, label = "LOSS")
plt.plot([l.item() for l in LOSS2], label = "LOSS2")
plt.tight_layout()
plt.xlabel("Epoch/Iterations")
plt.ylabel("Cost")
plt.legend()
plt.show()

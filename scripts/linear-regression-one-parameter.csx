// # Linear regression with one parameter
// A model with a single number to learn: ŷ = w·x. The data come from the line y = -3x plus a little
// noise, so training should bring w from wherever it starts to about -3. Here the model, the loss
// and the update step are all written by hand; autograd only supplies the slope of the loss.

// ## The data
// Sixty points between -3 and 2.9 as a column (one sample per row), the line f = -3x through them,
// and noisy targets Y. The seed makes the noise the same on every run, and the same as PyTorch's.
torch.manual_seed(1);
var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var f = -3 * X;
var Y = f + 0.1 * torch.randn(X.size());
print("X:", X.shape);
//> X: torch.Size([60, 1])
print("first three samples:", X[0..3].view(-1), Y[0..3].view(-1));
//> first three samples: tensor([-3.0000, -2.9000, -2.8000]) tensor([8.8474, 8.6250, 8.3346])

// ## The model and the loss
// The forward pass is a multiplication. The loss (the cost, averaged over all samples) is the mean
// squared error between predictions and targets. w starts far from the answer, at -10.
var w = tensor(-10.0, requires_grad: true);
Tensor forward(Tensor x) => w * x;
Tensor criterion(Tensor yhat, Tensor y) => torch.mean((yhat - y).pow(2));
print("loss at w = -10:", criterion(forward(X), Y));
//> loss at w = -10: tensor(147.3731, grad_fn=<MeanBackward0>)

// ## Gradient descent
// Each epoch: predict, measure the loss, let backward() find dloss/dw, and step w against that slope,
// scaled by the learning rate. The step writes through `.data` so that it is not itself recorded in
// the graph, and the gradient is zeroed because backward() adds to it. The slope shrinks as w nears
// -3, and so do the steps.
var lr = 0.1;
var LOSS = new List<double>();
var path = new List<double>();
for (var epoch = 0; epoch < 4; epoch++)
{
    var Yhat = forward(X);
    var loss = criterion(Yhat, Y);
    LOSS.Add(loss.item());
    path.Add(w.item());
    loss.backward();
    print("epoch", epoch, "loss", loss.data, "slope", w.grad, "w", w.data);
    w.data = w.data - lr * w.grad.data;
    w.grad.data.zero_();
}
print("w after training:", w);
//> epoch 0 loss tensor(147.3731) slope tensor(-42.0638) w tensor(-10.)
//> epoch 1 loss tensor(23.5473) slope tensor(-16.8115) w tensor(-5.7936)
//> epoch 2 loss tensor(3.7682) slope tensor(-6.7190) w tensor(-4.1125)
//> epoch 3 loss tensor(0.6088) slope tensor(-2.6854) w tensor(-3.4406)
//> w after training: tensor(-3.1720, requires_grad=True)

// ## The cost as a function of w
// With one parameter the whole loss surface is a curve: evaluate the cost at w = -10, -9, ..., 5.
// It is a parabola with its bottom at w = -3, and the four steps above walk down its side.
var ws = torch.arange(-10, 6, 1.0);
var costs = torch.stack(Enumerable.Range(0, (int)ws.numel()).Select(i => criterion(ws[i] * X, Y)).ToArray());
print("cost is lowest at w =", ws[costs.argmin()]);
//> cost is lowest at w = tensor(-3.)

// ## Plot the fit and the training
// Left, the data, the true line and the fitted line; right, the cost curve with the values w took.
subplot(1, 2, 1);
plot(X, Y, "rx", label: "y");
plot(X, f, label: "f");
plot(X, forward(X), label: "ŷ = w·x");
xlabel("x");
legend();
subplot(1, 2, 2);
plot(ws, costs, label: "cost");
plot(path.ToArray(), path.Select(p => criterion(p * X, Y).item()).ToArray(), "ro", label: "w per epoch");
xlabel("w");
legend();
show();

// ## The loss per epoch
plot(LOSS);
xlabel("epoch");
ylabel("cost");
show();

// ## Exercise: a smaller learning rate
// Start again at w = -15 with a learning rate of 0.05 and train for four epochs. Where does w end up?
// (Halving the learning rate halves each step, so after four epochs w is still far from -3.)
#region solution
w = tensor(-15.0, requires_grad: true);
lr = 0.05;
for (var epoch = 0; epoch < 4; epoch++)
{
    var loss = criterion(forward(X), Y);
    loss.backward();
    w.data = w.data - lr * w.grad.data;
    w.grad.data.zero_();
}
print("w after four epochs:", w);
//> w after four epochs: tensor(-5.8733, requires_grad=True)
#endregion

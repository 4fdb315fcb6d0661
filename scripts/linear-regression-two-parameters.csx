// # Linear regression with a slope and a bias
// Now the model is a full line, ŷ = w·x + b, with two numbers to learn. The data follow y = x - 1 plus
// noise. One backward() gives the slope of the loss in both directions at once, and each epoch steps
// both parameters downhill.

// ## The data
torch.manual_seed(1);
var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var f = 1 * X - 1;
var Y = f + 0.1 * torch.randn(X.size());

// ## Two parameters, two gradients
// Both start far off: w = -15, b = -10. After backward(), w.grad says how the loss changes with the
// slope and b.grad how it changes with the bias. (The loss is printed to two decimals: its float32
// mean comes out a little more exact than PyTorch's, which shows in the seventh digit of a large loss.)
var w = tensor(-15.0, requires_grad: true);
var b = tensor(-10.0, requires_grad: true);
Tensor forward(Tensor x) => w * x + b;
Tensor criterion(Tensor yhat, Tensor y) => torch.mean((yhat - y).pow(2));
var loss = criterion(forward(X), Y);
loss.backward();
print("loss:", Math.Round(loss.item(), 2));
//> loss: 835.28
print("dloss/dw:", w.grad, "dloss/db:", b.grad);
//> dloss/dw: tensor(-95.1938) dloss/db: tensor(-16.3549)
w.grad.data.zero_();
b.grad.data.zero_();

// ## Training
// The same update as with one parameter, once for each. The slope is learned quickly; the bias
// lags behind, because the loss is much steeper along w than along b.
var lr = 0.1;
var LOSS = new List<double>();
var path = new List<(double w, double b)>();
for (var epoch = 0; epoch < 15; epoch++)
{
    path.Add((w.item(), b.item()));
    loss = criterion(forward(X), Y);
    LOSS.Add(loss.item());
    loss.backward();
    w.data = w.data - lr * w.grad.data;
    b.data = b.data - lr * b.grad.data;
    w.grad.data.zero_();
    b.grad.data.zero_();
    if (epoch % 5 == 4) print("epoch", epoch, "loss", loss.data, "w", w.data, "b", b.data);
}
print("final loss:", criterion(forward(X), Y).data);
//> epoch 4 loss tensor(15.2541) w tensor(0.7692) b tensor(-4.0939)
//> epoch 9 loss tensor(1.5978) w tensor(0.9795) b tensor(-2.0316)
//> epoch 14 loss tensor(0.1790) w tensor(0.9981) b tensor(-1.3535)
//> final loss: tensor(0.1174)

// ## The loss surface
// With two parameters the cost is a surface over the (w, b) plane. Evaluate it on a 31 × 31 grid by
// broadcasting: grid points along two dimensions, samples along a third, then the mean over samples.
var wv = torch.linspace(-15, 15, 31);
var bv = torch.linspace(-15, 15, 31);
var W = wv.view(1, -1).expand(31, 31);
var B = bv.view(-1, 1).expand(31, 31);
var Z = (W.unsqueeze(2) * X.view(1, 1, -1) + B.unsqueeze(2) - Y.view(1, 1, -1)).pow(2).mean(2);
print("cost on the grid: from", Z.min(), "to", Z.max());
//> cost on the grid: from tensor(0.0083) to tensor(1051.4037)

// ## Plot the path and the fit
// Left, the contours of the cost and the points (w, b) visited: a long stride along w, then a slow walk
// along b. Right, the data and the line the parameters describe now.
subplot(1, 2, 1);
contour(W, B, Z, levels: 12);
plot(path.Select(p => p.w).ToArray(), path.Select(p => p.b).ToArray(), "ro-", label: "(w, b) per epoch");
xlabel("w");
ylabel("b");
legend();
subplot(1, 2, 2);
plot(X, Y, "rx", label: "y");
plot(X, f, label: "f");
plot(X, forward(X), label: "ŷ");
xlabel("x");
legend();
show();

// ## The loss per epoch
plot(LOSS);
xlabel("epoch");
ylabel("cost");
show();

// ## Exercise: a larger learning rate
// Start again at w = -15, b = -10 and train for 15 epochs with lr = 0.2. How close do w and b get to 1 and -1?
#region solution
w = tensor(-15.0, requires_grad: true);
b = tensor(-10.0, requires_grad: true);
lr = 0.2;
for (var epoch = 0; epoch < 15; epoch++)
{
    loss = criterion(forward(X), Y);
    loss.backward();
    w.data = w.data - lr * w.grad.data;
    b.data = b.data - lr * b.grad.data;
    w.grad.data.zero_();
    b.grad.data.zero_();
}
print("w:", w.data, "b:", b.data);
//> w: tensor(1.0063) b: tensor(-1.0267)
#endregion

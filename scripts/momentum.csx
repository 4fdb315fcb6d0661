// # Momentum
// Plain gradient descent stops wherever the slope is zero: at the bottom of the nearest dip, or on a flat
// stretch. Momentum keeps a running velocity: each step adds the new gradient to a fraction of the previous step
// (v = μ·v + grad, then w = w - lr·v). Downhill the steps grow; a small bump or a plateau is crossed on the speed
// already gathered. μ is the `momentum` option of optim.SGD.

// ## A loss with two valleys
// f(w) = w⁴ - 4w² + 1.5w has a shallow valley on the right and a deeper one on the left.
Tensor f(Tensor w) => w.pow(4) - 4 * w.pow(2) + 1.5 * w;
var ws = torch.linspace(-2.2, 2.6, 100);
var i = f(ws).argmin();
print("lowest point of the curve near w =", ws[i]);
//> lowest point of the curve near w = tensor(-1.5212)

// ## Descending from w = 2.5
// The parameter is a bare `Parameter` handed to the optimizer in a list; 100 steps with lr = 0.01. Without
// momentum, and with μ = 0.5, w settles in the right-hand valley. With μ = 0.9 it rolls over the hump into the
// deeper valley.
(Parameter w, List<double> path) descend(double start, double momentum)
{
    var w = new Parameter(tensor(start));
    var optimizer = torch.optim.SGD(new[] { w }, lr: 0.01, momentum: momentum);
    var path = new List<double> { w.item() };
    for (var step = 0; step < 100; step++)
    {
        var loss = f(w);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        path.Add(w.item());
    }
    return (w, path);
}
var PATHS = new Dictionary<double, List<double>>();
foreach (var m in new[] { 0.0, 0.5, 0.9 })
{
    var (w, path) = descend(2.5, m);
    PATHS[m] = path;
    print("momentum", m, "ends at w =", w.data, "loss", f(w).data);
}
//> momentum 0.0 ends at w = tensor(1.3090) loss tensor(-1.9544)
//> momentum 0.5 ends at w = tensor(1.3090) loss tensor(-1.9544)
//> momentum 0.9 ends at w = tensor(-1.5036) loss tensor(-6.1874)

// ## A plateau in a network
// The XOR data again, and a network with three hidden neurons. Predicting about 0.5 everywhere is easy to reach and
// hard to leave: the loss sits at ln 2 ≈ 0.693 on a plateau where the gradient is tiny. In 100 epochs at lr = 0.3, plain SGD and μ = 0.5
// do not get off it; μ = 0.9 does and learns XOR. Every run starts from the same weights (seed 2).
torch.manual_seed(1);
var X = torch.zeros(100, 2);
var Y = torch.zeros(100, 1);
X[25..50, 1] = 1;
Y[25..50] = 1;
X[50..75, 0] = 1;
Y[50..75] = 1;
X[75..100] = 1;
X = X + 0.01 * torch.randn(100, 2);
var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batchSize: 10, shuffle: true);
var criterion = torch.nn.BCELoss();
var LOSSES = new Dictionary<double, List<double>>();
torch.optim.Optimizer optimizer = null;
foreach (var m in new[] { 0.0, 0.5, 0.9 })
{
    torch.manual_seed(2);
    var model = torch.nn.Sequential(
        torch.nn.Linear(2, 3), torch.nn.Sigmoid(), torch.nn.Linear(3, 1), torch.nn.Sigmoid());
    optimizer = torch.optim.SGD(model.parameters(), lr: 0.3, momentum: m);
    LOSSES[m] = new List<double>();
    for (var epoch = 0; epoch < 100; epoch++)
    {
        foreach (var (xb, yb) in loader)
        {
            var loss = criterion.forward(model.forward(xb), yb);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        using (torch.no_grad()) LOSSES[m].Add(criterion.forward(model.forward(X), Y).item());
    }
    Tensor acc;
    using (torch.no_grad()) acc = ((model.forward(X) > 0.5).@float() == Y).@float().mean();
    print("momentum", m, "loss", Math.Round(LOSSES[m][^1], 3), "accuracy", acc);
}
//> momentum 0.0 loss 0.693 accuracy tensor(0.5000)
//> momentum 0.5 loss 0.693 accuracy tensor(0.5000)
//> momentum 0.9 loss 0.005 accuracy tensor(1.)

// ## The optimizer's settings
// An optimizer keeps its options per parameter group, as a dictionary; they can be read, and set during training.
print(optimizer.param_groups[0]["momentum"]);
//> 0.9

// ## Plot the paths and the losses
// Left, the curve and the points each run visited; right, the network's loss per epoch for each μ.
subplot(1, 2, 1);
plot(ws, f(ws), "k-", label: "f(w)");
foreach (var (m, path) in PATHS)
{
    var p = tensor(path.ToArray());
    plot(p, f(p), "o", label: $"μ = {m}");
}
xlabel("w");
legend();
subplot(1, 2, 2);
foreach (var (m, losses) in LOSSES) plot(losses, label: $"μ = {m}");
xlabel("epoch");
title("loss");
legend();
show();

// ## Exercise: a little less momentum
// Descend from w = 2.5 with μ = 0.8. Does it still reach the deeper valley?
#region solution
var (w8, path8) = descend(2.5, 0.8);
print("momentum 0.8 ends at w =", w8.data);
//> momentum 0.8 ends at w = tensor(-1.5000)
#endregion

// # Dropout
// A large network can fit the noise of a small training set: the training loss goes down while the error on new
// data goes up (overfitting). Dropout fights that. During training, each forward pass sets a random half (or
// another share p) of a layer's outputs to 0 and doubles the rest, so no neuron can rely on any particular other
// one. For predictions, dropout is switched off.

// ## Dropout on its own
// In training mode (the default) nn.Dropout(0.5) zeroes each element with probability 0.5 and scales the kept
// ones by 1 / (1 - 0.5) = 2, so that the expected value stays the same. After eval() it passes its input through.
torch.manual_seed(0);
var dropout = torch.nn.Dropout(0.5);
print(dropout.forward(torch.ones(10)));
//> tensor([0., 0., 2., 0., 0., 0., 2., 2., 0., 2.])
dropout.eval();
print(dropout.forward(torch.ones(10)));
//> tensor([1., 1., 1., 1., 1., 1., 1., 1., 1., 1.])

// ## Few, noisy samples
// Twenty training points of y = x² with a lot of noise, and forty-one validation points with less.
var X = torch.linspace(-1, 1, 20).view(-1, 1);
var Y = X.pow(2) + 0.5 * torch.randn(X.size());
var Xv = torch.linspace(-1, 1, 41).view(-1, 1);
var Yv = Xv.pow(2) + 0.3 * torch.randn(Xv.size());

// ## A network with room to overfit
// Two hidden layers of 100 neurons, each followed by ReLU and then dropout with probability p.
torch.nn.Module<Tensor, Tensor> make_net(double p) => torch.nn.Sequential(
    torch.nn.Linear(1, 100), torch.nn.ReLU(), torch.nn.Dropout(p),
    torch.nn.Linear(100, 100), torch.nn.ReLU(), torch.nn.Dropout(p),
    torch.nn.Linear(100, 1));
print(make_net(0.5));
//> Sequential(
//>   (0): Linear(in_features=1, out_features=100, bias=True)
//>   (1): ReLU()
//>   (2): Dropout(p=0.5, inplace=False)
//>   (3): Linear(in_features=100, out_features=100, bias=True)
//>   (4): ReLU()
//>   (5): Dropout(p=0.5, inplace=False)
//>   (6): Linear(in_features=100, out_features=1, bias=True)
//> )

// ## Training with and without dropout
// Both networks start from the same weights (seed 1) and train on all twenty points at once for 300 epochs with
// the Adam optimizer (lr = 0.005). `train()` switches dropout on for training, `eval()` off for measuring. Without
// dropout the training loss is tiny and the validation loss large; with dropout it is the other way round, and the
// validation loss, the one that matters, is almost halved. (The losses are printed to two decimals: fitting noise
// is sensitive to rounding, and float32 sums in another order can move the third decimal of the first network.)
var criterion = torch.nn.MSELoss();
var MODELS = new Dictionary<double, torch.nn.Module<Tensor, Tensor>>();
foreach (var p in new[] { 0.0, 0.5 })
{
    torch.manual_seed(1);
    var model = make_net(p);
    var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
    model.train();
    for (var epoch = 0; epoch < 300; epoch++)
    {
        var loss = criterion.forward(model.forward(X), Y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    model.eval();
    double train_loss, val_loss;
    using (torch.no_grad())
    {
        train_loss = criterion.forward(model.forward(X), Y).item();
        val_loss = criterion.forward(model.forward(Xv), Yv).item();
    }
    print("dropout", p, "training loss", Math.Round(train_loss, 2), "validation loss", Math.Round(val_loss, 2));
    MODELS[p] = model;
}
//> dropout 0.0 training loss 0.03 validation loss 0.2
//> dropout 0.5 training loss 0.21 validation loss 0.11

// ## Plot the two fits
// The network without dropout bends to reach individual noisy points; the one with dropout stays closer to x².
plot(X, Y, "rx", label: "training data");
plot(Xv, Yv, "k.", label: "validation data");
plot(Xv, Xv.pow(2), "k--", label: "x²");
plot(Xv, MODELS[0.0].forward(Xv), label: "no dropout");
plot(Xv, MODELS[0.5].forward(Xv), label: "dropout 0.5");
xlabel("x");
legend();
show();

// ## Exercise: less dropout
// Train the same network with p = 0.2 (seed 1, 300 epochs, Adam with lr = 0.005). Where does its validation loss land?
#region solution
torch.manual_seed(1);
var model2 = make_net(0.2);
var optimizer2 = torch.optim.Adam(model2.parameters(), lr: 0.005);
model2.train();
for (var epoch = 0; epoch < 300; epoch++)
{
    var loss = criterion.forward(model2.forward(X), Y);
    optimizer2.zero_grad();
    loss.backward();
    optimizer2.step();
}
model2.eval();
using (torch.no_grad())
{
    var val_loss = criterion.forward(model2.forward(Xv), Yv).item();
    print("dropout 0.2 validation loss", Math.Round(val_loss, 2));
}
//> dropout 0.2 validation loss 0.13
#endregion

// # A hidden layer: learning XOR
// XOR is 1 when exactly one of two inputs is 1. No single line separates its classes: (0, 1) and (1, 0) sit on
// one diagonal, (0, 0) and (1, 1) on the other. A hidden layer fixes that. Its neurons each draw a line of their
// own, and the output neuron combines their answers. With one hidden neuron the network is no better than
// logistic regression; with two it can learn XOR.

// ## The data
// A hundred samples, twenty-five at each corner of the unit square, nudged by a little noise.
torch.manual_seed(1);
var X = torch.zeros(100, 2);
var Y = torch.zeros(100, 1);
X[25..50, 1] = 1;
Y[25..50] = 1;
X[50..75, 0] = 1;
Y[50..75] = 1;
X[75..100] = 1;
X = X + 0.01 * torch.randn(100, 2);
var oneEach = torch.tensor(new long[] { 0, 25, 50, 75 });
print("one sample per corner:", X[oneEach], Y[oneEach].view(-1));
//> one sample per corner: tensor([[-1.5256e-02, -7.5023e-03],
//>         [ 6.6280e-04,  9.9563e-01],
//>         [ 1.0139e+00, -8.1385e-03],
//>         [ 1.0055e+00,  9.8453e-01]]) tensor([0., 1., 1., 0.])

// ## The network
// Two inputs, H hidden neurons, one output, each layer followed by the sigmoid. The layers are public fields, so
// that we can look inside later.
class Net : torch.nn.Module<Tensor, Tensor>
{
    public readonly Linear linear1, linear2;
    public Net(long D_in, long H, long D_out) : base("Net")
    {
        linear1 = torch.nn.Linear(D_in, H);
        linear2 = torch.nn.Linear(H, D_out);
        RegisterComponents();
    }
    public override Tensor forward(Tensor x)
    {
        x = torch.sigmoid(linear1.forward(x));
        return torch.sigmoid(linear2.forward(x));
    }
}
print(new Net(2, 2, 1));
//> Net(
//>   (linear1): Linear(in_features=2, out_features=2, bias=True)
//>   (linear2): Linear(in_features=2, out_features=1, bias=True)
//> )

// ## One, two and three hidden neurons
// Each network trains with the cross-entropy on shuffled batches of ten, lr = 1, for 200 epochs. One hidden
// neuron gets three corners right at best; two or three get all of them.
var criterion = torch.nn.BCELoss();
var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batchSize: 10, shuffle: true);
List<double> train(torch.nn.Module<Tensor, Tensor> model, int epochs, double lr)
{
    var optimizer = torch.optim.SGD(model.parameters(), lr: lr);
    var losses = new List<double>();
    for (var epoch = 0; epoch < epochs; epoch++)
    {
        foreach (var (xb, yb) in loader)
        {
            var loss = criterion.forward(model.forward(xb), yb);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        using (torch.no_grad()) losses.Add(criterion.forward(model.forward(X), Y).item());
    }
    return losses;
}
Tensor accuracy(torch.nn.Module<Tensor, Tensor> model) => ((model.forward(X) > 0.5).@float() == Y).@float().mean();
var MODELS = new Dictionary<int, Net>();
var LOSSES = new Dictionary<int, List<double>>();
foreach (var H in new[] { 1, 2, 3 })
{
    MODELS[H] = new Net(2, H, 1);
    LOSSES[H] = train(MODELS[H], 200, 1.0);
    print(H, "hidden: loss", Math.Round(LOSSES[H][^1], 3), "accuracy", accuracy(MODELS[H]));
}
//> 1 hidden: loss 0.482 accuracy tensor(0.7500)
//> 2 hidden: loss 0.008 accuracy tensor(1.)
//> 3 hidden: loss 0.006 accuracy tensor(1.)

// ## Inside the hidden layer
// The two hidden neurons of the trained network, at the four corners (rounded to 3 decimals: the last digits of a
// long training run depend on the order of floating-point additions). The first is on only at (0, 0): it says
// "neither" (NOR). The second is off only at (1, 1): "not both" (NAND). XOR is "not neither, and not both", which
// the output neuron computes from these two with one more line.
var corners = tensor(new[,] { { 0.0, 0.0 }, { 0.0, 1.0 }, { 1.0, 0.0 }, { 1.0, 1.0 } });
using (torch.no_grad())
{
    print("hidden activations at the corners:");
    print(torch.sigmoid(MODELS[2].linear1.forward(corners)).round(decimals: 3));
}
//> hidden activations at the corners:
//> tensor([[0.9480, 1.0000],
//>         [0.0160, 0.9280],
//>         [0.0180, 0.9300],
//>         [0.0000, 0.0640]])

// ## Plot the decision regions and the losses
// Left, the output of the two-neuron network over the plane (contours of P(class 1)) and the samples of each
// class: the 0.5 contours cut out a band along the anti-diagonal. Right, the loss per epoch for H = 1, 2, 3.
var g = torch.linspace(-0.5, 1.5, 41);
var GX = g.view(1, -1).expand(41, 41);
var GY = g.view(-1, 1).expand(41, 41);
var grid = torch.stack(new[] { GX.reshape(-1), GY.reshape(-1) }, 1);
var P = MODELS[2].forward(grid).view(41, 41);
subplot(1, 2, 1);
contour(GX, GY, P, levels: 5);
var class1 = Y[.., 0] == 1;
var class0 = Y[.., 0] == 0;
scatter(X[class0][.., 0], X[class0][.., 1], label: "y = 0");
scatter(X[class1][.., 0], X[class1][.., 1], label: "y = 1");
xlabel("x₁");
ylabel("x₂");
legend();
subplot(1, 2, 2);
foreach (var (H, losses) in LOSSES) plot(losses, label: $"H = {H}");
xlabel("epoch");
title("loss");
legend();
show();

// ## Exercise: the same network with nn.Sequential
// Write a network with four hidden neurons as nn.Sequential (Linear, Sigmoid, Linear, Sigmoid), seed 6, and train it
// as above. Does it learn XOR?
#region solution
torch.manual_seed(6);
var seq = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1), torch.nn.Sigmoid());
var LOSS_SEQ = train(seq, 200, 1.0);
print("accuracy", accuracy(seq));
//> accuracy tensor(1.)
#endregion

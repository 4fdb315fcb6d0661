// # Logistic regression
// Now the targets are classes, 0 or 1, and the model should say how likely class 1 is. A line followed by the
// sigmoid does that: σ(z) = 1 / (1 + e⁻ᶻ) squeezes any number into (0, 1). The loss has to change too: the squared
// error gets stuck when the sigmoid is flat, while the cross-entropy, nn.BCELoss, keeps a useful slope.

// ## The sigmoid
// Far below 0 it is almost 0, far above almost 1, and exactly 0.5 at 0: predicting class 1 when σ(z) > 0.5 is
// the same as when z > 0.
var sig = torch.nn.Sigmoid();
print(sig.forward(tensor(new[] { -5.0, -1.0, 0.0, 1.0, 5.0 })));
//> tensor([0.0067, 0.2689, 0.5000, 0.7311, 0.9933])

// ## Two classes on a line
// Twenty points from -1 to 0.9; the ones above 0.2 are class 1.
torch.manual_seed(1);
var X = torch.arange(-1, 1, 0.1).view(-1, 1);
var Y = torch.zeros(X.shape[0], 1);
Y[X[.., 0] > 0.2] = 1;
print("labels:", Y.view(-1));
//> labels: tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 1., 1., 1., 1., 1.,
//>         1., 1.])

// ## The model: a line, then the sigmoid
// nn.Sequential chains modules, each one's output the next one's input. Keeping the Linear layer in a variable
// gives direct access to its weight and bias.
var linear = torch.nn.Linear(1, 1);
var model = torch.nn.Sequential(linear, torch.nn.Sigmoid());
print(model);
//> Sequential(
//>   (0): Linear(in_features=1, out_features=1, bias=True)
//>   (1): Sigmoid()
//> )

// ## A bad start
// Set the weight to -5 and the bias to -10 (the state dict names the layers by their place in the sequence). The
// model is then sure everything is class 0: σ(-5x - 10) is tiny for every x here, and the sigmoid is flat there.
void bad_start(torch.nn.Module<Tensor, Tensor> model)
{
    model.state_dict()["0.weight"][0] = -5;
    model.state_dict()["0.bias"][0] = -10;
}
Tensor accuracy(torch.nn.Module<Tensor, Tensor> model) => ((model.forward(X) > 0.5).@float() == Y).@float().mean();
bad_start(model);
print("probabilities at the start:", model.forward(X).data.view(-1)[torch.tensor(new long[] { 0, 10, 19 })]);
//> probabilities at the start: tensor([6.6929e-03, 4.5398e-05, 5.0435e-07])

// ## Training with the squared error
// Batches of three, a large learning rate (2), 100 epochs. The gradient of the squared error passes through the
// sigmoid's slope, which is almost 0 here, so the parameters hardly move and only the class-0 points are right.
var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batchSize: 3);
// A loss module takes two tensors and gives one: a Module<Tensor, Tensor, Tensor>.
List<double> train(torch.nn.Module<Tensor, Tensor> model, torch.nn.Module<Tensor, Tensor, Tensor> criterion,
                   int epochs, double lr)
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
var LOSS_MSE = train(model, torch.nn.MSELoss(), 100, 2);
print("squared error: accuracy", accuracy(model), "weight", linear.weight.data, "bias", linear.bias.data);
//> squared error: accuracy tensor(0.6500) weight tensor([[-4.9898]]) bias tensor([-10.0059])

// ## Training with the cross-entropy
// BCELoss is -[y·log ŷ + (1 - y)·log(1 - ŷ)], averaged. A confident wrong answer costs a lot (log of almost 0),
// and its gradient cancels the sigmoid's small slope. From the same bad start, every point ends up right.
var linear_bce = torch.nn.Linear(1, 1);
var model_bce = torch.nn.Sequential(linear_bce, torch.nn.Sigmoid());
bad_start(model_bce);
var criterion = torch.nn.BCELoss();
print(criterion.forward(model_bce.forward(X), Y));
//> tensor(4.5509, grad_fn=<BinaryCrossEntropyBackward0>)
var LOSS_BCE = train(model_bce, criterion, 100, 2);
print("cross-entropy: accuracy", accuracy(model_bce), "weight", linear_bce.weight.data, "bias", linear_bce.bias.data);
//> cross-entropy: accuracy tensor(1.) weight tensor([[14.8594]]) bias tensor([-3.6106])

// ## The decision boundary
// The model says class 1 where w·x + b > 0, that is for x > -b / w: between the last 0 and the first 1.
print("the boundary:", -linear_bce.bias.data / linear_bce.weight.data.view(-1));
//> the boundary: tensor([0.2430])

// ## Plot the probabilities and the losses
subplot(1, 2, 1);
plot(X, Y, "ro", label: "class");
plot(X, model.forward(X), label: "squared error");
plot(X, model_bce.forward(X), label: "cross-entropy");
xlabel("x");
ylabel("P(class 1)");
legend();
subplot(1, 2, 2);
plot(LOSS_MSE, label: "squared error");
plot(LOSS_BCE, label: "cross-entropy");
xlabel("epoch");
title("loss");
legend();
show();

// ## Exercise: logits
// nn.BCEWithLogitsLoss() takes the line's output z directly and applies the sigmoid inside, which is more exact
// for large |z|. Train a bare nn.Linear(1, 1) (seed 5) with it, lr = 2 for 100 epochs, and measure the accuracy
// (class 1 where z > 0).
#region solution
torch.manual_seed(5);
var logits = torch.nn.Linear(1, 1);
var LOSS_LOGITS = train(logits, torch.nn.BCEWithLogitsLoss(), 100, 2);
print("accuracy", ((logits.forward(X) > 0).@float() == Y).@float().mean());
//> accuracy tensor(1.)
#endregion

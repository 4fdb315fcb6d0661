// # Linear regression the PyTorch way
// The same line, y = x - 1 with noise, learned with PyTorch's building blocks instead of hand-written parts:
// a Dataset that hands out samples, a DataLoader that groups them into shuffled mini-batches, a model class
// built on nn.Module with a Linear layer inside, the MSELoss criterion, and an SGD optimizer that does the
// `w.data = w.data - lr * w.grad.data` updates for every parameter.

// ## A dataset
// A Dataset says how many samples it has (`Count`, Python's `len`) and returns sample i as an (x, y) pair.
torch.manual_seed(1);
class Data : torch.utils.data.Dataset<(Tensor x, Tensor y)>
{
    public readonly Tensor x, y;
    public Data()
    {
        x = torch.arange(-3, 3, 0.1).view(-1, 1);
        var f = 1 * x - 1;
        y = f + 0.1 * torch.randn(x.size());
    }
    public override long Count => x.shape[0];
    public override (Tensor x, Tensor y) GetTensor(long index) => (x[index], y[index]);
}
var dataset = new Data();
print("samples:", dataset.Count);
//> samples: 60
var (x0, y0) = dataset[0];
print("the first:", x0, y0);
//> the first: tensor([-3.]) tensor([-4.1526])

// ## A model class
// A model is a class derived from nn.Module. Its layers are fields; `RegisterComponents()` makes them (and their
// parameters) known to the module under their field names. `forward` says what the model computes.
// nn.Linear(1, 1) holds a weight and a bias, drawn at random when it is made.
class LR : torch.nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;
    public LR(long input_size, long output_size) : base("LR")
    {
        linear = torch.nn.Linear(input_size, output_size);
        RegisterComponents();
    }
    public override Tensor forward(Tensor x) => linear.forward(x);
}
var model = new LR(1, 1);
print(model);
//> LR(
//>   (linear): Linear(in_features=1, out_features=1, bias=True)
//> )
print(model.state_dict());
//> OrderedDict([('linear.weight', tensor([[0.3636]])), ('linear.bias', tensor([0.4957]))])

// ## Setting the parameters
// The state dict's tensors are the parameters themselves (they share storage), so writing into them sets the
// model's weight and bias. Start where the hand-written lessons did: w = -15, b = -10.
model.state_dict()["linear.weight"][0] = -15;
model.state_dict()["linear.bias"][0] = -10;
print(model.parameters().ToList());
//> [Parameter containing:
//> tensor([[-15.]], requires_grad=True), Parameter containing:
//> tensor([-10.], requires_grad=True)]

// ## Mini-batches from a DataLoader
// The loader stacks five samples into one 5 × 1 batch. With `shuffle: true` it visits the samples in a new random
// order every epoch, so consecutive batches do not all come from one end of the line.
var trainloader = torch.utils.data.DataLoader(dataset, batchSize: 5, shuffle: true);
var (xb, yb) = trainloader.First();
print("a shuffled batch:", xb.view(-1));
//> a shuffled batch: tensor([ 2.0000,  1.4000, -3.0000, -0.4000, -2.0000])

// ## The criterion and the optimizer
// MSELoss is the mean squared error of the previous lessons. The optimizer gets the model's parameters and the
// learning rate; `zero_grad()` clears their gradients and `step()` moves each one against its gradient.
var criterion = torch.nn.MSELoss();
var optimizer = torch.optim.SGD(model.parameters(), lr: 0.1);
print("loss before training:", Math.Round(criterion.forward(model.forward(dataset.x), dataset.y).item(), 2));
//> loss before training: 835.28

// ## Training
// The loop every PyTorch program has: predict, measure, clear the old gradients, backward, step. After each epoch the
// loss on all the data is recorded, under no_grad() since it is only looked at.
var LOSS = new List<double>();
for (var epoch = 0; epoch < 10; epoch++)
{
    foreach (var (x, y) in trainloader)
    {
        var yhat = model.forward(x);
        var loss = criterion.forward(yhat, y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    using (torch.no_grad()) LOSS.Add(criterion.forward(model.forward(dataset.x), dataset.y).item());
}
print("loss after 10 epochs:", Math.Round(LOSS[^1], 4));
//> loss after 10 epochs: 0.0079
print(model.state_dict());
//> OrderedDict([('linear.weight', tensor([[1.0017]])), ('linear.bias', tensor([-1.0314]))])

// ## Plot the fit and the loss
subplot(1, 2, 1);
plot(dataset.x, dataset.y, "rx", label: "y");
plot(dataset.x, model.forward(dataset.x), label: "model");
xlabel("x");
legend();
subplot(1, 2, 2);
plot(LOSS);
xlabel("epoch");
title("cost");
show();

// ## Exercise: a TensorDataset
// When the data are already two tensors, `torch.utils.data.TensorDataset(X, Y)` is a ready-made dataset. Make data
// from y = 2x + 1 with noise (seed 2), and train a new LR(1, 1) on batches of 10 for 10 epochs with lr = 0.1.
#region solution
torch.manual_seed(2);
var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var Y = 2 * X + 1 + 0.1 * torch.randn(X.size());
var ds = torch.utils.data.TensorDataset(X, Y);
var loader = torch.utils.data.DataLoader(ds, batchSize: 10, shuffle: true);
var model2 = new LR(1, 1);
var optimizer2 = torch.optim.SGD(model2.parameters(), lr: 0.1);
for (var epoch = 0; epoch < 10; epoch++)
{
    foreach (var (x, y) in loader)
    {
        var loss = criterion.forward(model2.forward(x), y);
        optimizer2.zero_grad();
        loss.backward();
        optimizer2.step();
    }
}
print(model2.state_dict());
//> OrderedDict([('linear.weight', tensor([[2.0170]])), ('linear.bias', tensor([1.0011]))])
#endregion

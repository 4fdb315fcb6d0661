// # Training, validation and the learning rate
// The learning rate is a hyperparameter: training does not learn it, we choose it. To choose, train one
// model per candidate and compare them on validation data, samples kept out of training. Here the training
// data carry six outliers (bad measurements) that the validation data do not have, so the error on the
// training data and the error on new data tell different stories.

// ## Training and validation data
// Both sets follow y = -3x + 1 with noise, but in the training set y[0] is 0 and y[50..55] are 20.
torch.manual_seed(1);
class Data : torch.utils.data.Dataset<(Tensor x, Tensor y)>
{
    public readonly Tensor x, y;
    public Data(bool train = true)
    {
        x = torch.arange(-3, 3, 0.1).view(-1, 1);
        var f = -3 * x + 1;
        y = f + 0.1 * torch.randn(x.size());
        if (train)
        {
            y[0] = 0;
            y[50..55] = 20;
        }
    }
    public override long Count => x.shape[0];
    public override (Tensor x, Tensor y) GetTensor(long index) => (x[index], y[index]);
}
var train_data = new Data();
var val_data = new Data(train: false);
print("outliers:", train_data.y[0], train_data.y[50..55].view(-1));
//> outliers: tensor([0.]) tensor([20., 20., 20., 20., 20.])

// ## The model
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

// ## One model per learning rate
// Each model starts from its own random weight and bias and sees the training samples one at a time, in order,
// for 10 epochs. Then both errors are measured on all the data of each set.
var criterion = torch.nn.MSELoss();
var trainloader = torch.utils.data.DataLoader(train_data, batchSize: 1);
var learning_rates = new[] { 0.0001, 0.001, 0.01, 0.1 };
var train_error = new List<double>();
var validation_error = new List<double>();
var MODELS = new List<LR>();
foreach (var lr in learning_rates)
{
    var model = new LR(1, 1);
    var optimizer = torch.optim.SGD(model.parameters(), lr: lr);
    for (var epoch = 0; epoch < 10; epoch++)
    {
        foreach (var (x, y) in trainloader)
        {
            var loss = criterion.forward(model.forward(x), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    using (torch.no_grad())
    {
        train_error.Add(criterion.forward(model.forward(train_data.x), train_data.y).item());
        validation_error.Add(criterion.forward(model.forward(val_data.x), val_data.y).item());
    }
    MODELS.Add(model);
    print("lr", lr, "training error", Math.Round(train_error[^1], 2),
          "validation error", Math.Round(validation_error[^1], 2));
}
//> lr 0.0001 training error 52.44 validation error 20.01
//> lr 0.001 training error 43.47 validation error 12.26
//> lr 0.01 training error 43.36 validation error 10.37
//> lr 0.1 training error 73.12 validation error 5.09

// ## Choosing
// The largest rate has the worst training error but the best validation error: its big steps follow the
// last samples of each epoch, which are clean, and so it ends nearer the true line than the models that averaged
// the outliers in. The smallest rate has barely left its random start in 600 tiny steps. The validation data,
// not the training data, say which model to keep.
var best = Enumerable.Range(0, learning_rates.Length).MinBy(i => validation_error[i]);
print("best learning rate on validation data:", learning_rates[best]);
//> best learning rate on validation data: 0.1
print(MODELS[best].state_dict());
//> OrderedDict([('linear.weight', tensor([[-4.2770]])), ('linear.bias', tensor([1.4173]))])

// ## Plot the errors and the fits
// Left, both errors against the learning rate (on a log scale: 10⁻⁴ to 10⁻¹); right, the validation data and
// the line of each model.
var logLr = learning_rates.Select(Math.Log10).ToArray();
subplot(1, 2, 1);
plot(logLr, train_error.ToArray(), "o-", label: "training");
plot(logLr, validation_error.ToArray(), "o-", label: "validation");
xlabel("log10(learning rate)");
ylabel("error");
legend();
subplot(1, 2, 2);
plot(val_data.x, val_data.y, "kx", label: "validation data");
for (var i = 0; i < MODELS.Count; i++)
{
    plot(val_data.x, MODELS[i].forward(val_data.x), label: $"lr {learning_rates[i]}");
}
xlabel("x");
legend();
show();

// ## Exercise: a loss that shrugs off outliers
// The squared error grows fast with distance, so six outliers pull hard on the line. The absolute error,
// nn.L1Loss(), pulls with the same strength however far a sample is. Train LR(1, 1) (seed 3) with L1Loss at
// lr = 0.01 on the same loader for 10 epochs, and measure its validation error with the squared error as before.
#region solution
torch.manual_seed(3);
var robust = new LR(1, 1);
var sgd = torch.optim.SGD(robust.parameters(), lr: 0.01);
var l1 = torch.nn.L1Loss();
for (var epoch = 0; epoch < 10; epoch++)
{
    foreach (var (x, y) in trainloader)
    {
        var loss = l1.forward(robust.forward(x), y);
        sgd.zero_grad();
        loss.backward();
        sgd.step();
    }
}
using (torch.no_grad())
{
    var val_error = criterion.forward(robust.forward(val_data.x), val_data.y).item();
    print("L1 loss, lr 0.01: validation error", Math.Round(val_error, 2));
}
//> L1 loss, lr 0.01: validation error 0.01
print(robust.state_dict());
//> OrderedDict([('linear.weight', tensor([[-3.0415]])), ('linear.bias', tensor([0.9911]))])
#endregion

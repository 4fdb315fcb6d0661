// torch.optim's documentation, "Per-parameter options" and "Taking care of learning rate" (here a schedule written by
// hand), and the tutorial "Saving and loading a general checkpoint in PyTorch", on a small fully connected network in
// place of the tutorial's convolutional one, ported line by line. The model and the optimizer go to two files, not one
// dict in one file. Python's list of dicts is a list of SGD.ParamGroup (TorchSharp's spelling).
torch.manual_seed(0);

class Net : torch.nn.Module<Tensor, Tensor>
{
    public Sequential @base = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh());
    public Linear classifier = torch.nn.Linear(4, 1);

    public Net() : base("Net") => RegisterComponents();

    public override Tensor forward(Tensor x) => classifier.forward(@base.forward(x));
}

var model = new Net();
var optimizer = torch.optim.SGD([
    new SGD.ParamGroup(model.@base.parameters()),
    new SGD.ParamGroup(model.classifier.parameters(), lr: 1e-3)
], lr: 1e-2, momentum: 0.9);
print(optimizer);

var X = torch.linspace(-1, 1, 8).reshape(4, 2);
var Y = torch.tensor(new[,] { { 1.0 }, { 0.0 }, { 0.5 }, { -1.0 } });
var criterion = torch.nn.MSELoss();
for (var epoch = 0; epoch < 4; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(X), Y);
    loss.backward();
    optimizer.step();
    foreach (var group in optimizer.param_groups)
        group.LearningRate *= 0.5;
    print(epoch, loss);
}
print(optimizer.param_groups.Select(group => group["lr"]).ToList());
print(optimizer.state[model.classifier.bias]);

print("Optimizer's state_dict:");
print("state", "\t", optimizer.state_dict().state);
print("param_groups", "\t", optimizer.state_dict().param_groups);

torch.save(model.state_dict(), "model.pt");
torch.save(optimizer.state_dict(), "optimizer.pt");

var model2 = new Net();
var optimizer2 = torch.optim.SGD([
    new SGD.ParamGroup(model2.@base.parameters()),
    new SGD.ParamGroup(model2.classifier.parameters(), lr: 1e-3)
], lr: 1e-2, momentum: 0.9);
model2.load_state_dict(torch.load("model.pt"));
optimizer2.load_state_dict(torch.load("optimizer.pt"));
print(optimizer2.param_groups[1]["lr"]);

foreach (var (m, o) in new[] { (model, optimizer), (model2, optimizer2) })
{
    o.zero_grad();
    criterion.forward(m.forward(X), Y).backward();
    o.step();
    print(m.classifier.weight);
}

var extra = torch.nn.Linear(1, 1);
optimizer.add_param_group(new SGD.ParamGroup(extra.parameters(), lr: 0.1));
print(optimizer.param_groups.Count, optimizer.param_groups[2]["lr"], optimizer.param_groups[2]["momentum"]);
try
{
    optimizer.add_param_group(new SGD.ParamGroup(model.classifier.parameters()));
}
catch (ValueError e)
{
    print("ValueError:", e.Message);
}

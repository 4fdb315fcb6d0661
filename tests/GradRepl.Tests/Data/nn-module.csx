// A model the PyTorch way, as a lesson writes it: the types resolve bare, the fields register themselves.
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

// Without RegisterComponents(): asked for its parameters, it registers its fields then.
class Unregistered : torch.nn.Module<Tensor, Tensor>
{
    private Linear linear = torch.nn.Linear(1, 1);
    public override Tensor forward(Tensor x) => linear.forward(x);
}

torch.manual_seed(1);
var model = new LR(1, 1);
print(model);
print(model.state_dict());
print(model.parameters().ToList());
print(model.named_parameters().ToList());
model.state_dict()["linear.weight"][0] = torch.tensor(-15.0);
print(model.state_dict());
var x = torch.tensor(new double[,] { { 1.0 }, { 2.0 } });
var criterion = torch.nn.MSELoss();
var loss = criterion.forward(model.forward(x), torch.tensor(new double[,] { { 0.0 }, { 1.0 } }));
print(loss);
loss.backward();
print(model.parameters().Select(p => p.grad).ToList());
torch.save(model.state_dict(), "lr.pt");
var copy = new LR(1, 1);
print(copy.load_state_dict(torch.load("lr.pt")));
print(copy.state_dict());
torch.manual_seed(1);
print(new Unregistered().parameters().Count());
print(torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Sigmoid(), torch.nn.Linear(3, 1)));
model.forward(torch.ones(5, 3));

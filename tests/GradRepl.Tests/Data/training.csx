// A course-style training loop: a Dataset of (x, y), a shuffling DataLoader, SGD; then a TensorDataset unpacked.
class Data : torch.utils.data.Dataset<(Tensor x, Tensor y)>
{
    private readonly Tensor X = torch.arange(-3.0, 3.0, 0.1).view(-1, 1);
    private readonly Tensor Y;
    public Data() { Y = -3 * X + 1; }
    public override long Count => X.shape[0];
    public override (Tensor x, Tensor y) GetTensor(long index) => (X[index], Y[index]);
}
torch.manual_seed(1);
var w = torch.tensor(-15.0, requires_grad: true);
var b = torch.tensor(-10.0, requires_grad: true);
var optimizer = torch.optim.SGD(new[] { w, b }, learningRate: 0.1);
var loader = torch.utils.data.DataLoader(new Data(), batchSize: 5, shuffle: true);
print(loader.Count);
for (var epoch = 0; epoch < 2; epoch++)
{
    foreach (var (xb, yb) in loader)
    {
        var loss = (w * xb + b - yb).pow(2).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    print(epoch, w, b);
}
optimizer.param_groups[0]["lr"] = 0.01;
print(optimizer.param_groups[0]);
var ds = torch.utils.data.TensorDataset(torch.arange(6.0).view(3, 2), torch.arange(3));
print(ds[2]);
foreach (var (xb, yb) in torch.utils.data.DataLoader(ds, 2)) print(xb, yb);

// # Several inputs, several outputs
// A sample can have more than one feature, and a model can predict more than one number. nn.Linear(2, 1) takes
// two inputs and makes one output, ŷ = x₁w₁ + x₂w₂ + b; nn.Linear(2, 2) makes two outputs, each with its own
// weights and bias. For a batch, the whole layer is one matrix product: Ŷ = X·Wᵀ + b, one sample per row of X.

// ## A layer with two inputs
// The weight is a 1 × 2 matrix (one row per output, one column per input), the bias one number per output.
torch.manual_seed(1);
var model = torch.nn.Linear(2, 1);
print(model);
//> Linear(in_features=2, out_features=1, bias=True)
print("weight:", model.weight.shape, "bias:", model.bias.shape);
//> weight: torch.Size([1, 2]) bias: torch.Size([1])

// ## The same prediction by hand
// The layer's forward is x·Wᵀ + b (PyTorch computes it in one fused operation, addmm).
var x = tensor(new[,] { { 1.0, 2.0 } });
print("model:", model.forward(x));
//> model: tensor([[-0.3969]], grad_fn=<AddmmBackward0>)
print("by hand:", x.mm(model.weight.t()) + model.bias);
//> by hand: tensor([[-0.3969]], grad_fn=<AddBackward0>)

// ## Data with two features
// Twenty samples: the first feature steps from -1 to 0.9, the second is uniform in [-1, 1). The targets follow
// y = 2x₁ - x₂ + 1 with noise.
var X = torch.zeros(20, 2);
X[.., 0] = torch.arange(-1, 1, 0.1);
X[.., 1] = torch.rand(20) * 2 - 1;
var w = tensor(new[,] { { 2.0 }, { -1.0 } });
var b = 1;
var f = X.mm(w) + b;
var Y = f + 0.1 * torch.randn(20, 1);
print("X:", X.shape, "Y:", Y.shape);
//> X: torch.Size([20, 2]) Y: torch.Size([20, 1])

// ## Training
// The loop does not care how many inputs or outputs there are: the loss is the mean over every number predicted.
var criterion = torch.nn.MSELoss();
List<double> train(torch.nn.Module<Tensor, Tensor> model, Tensor X, Tensor Y, int epochs, double lr)
{
    var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batchSize: 2, shuffle: true);
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
var LOSS1 = train(model, X, Y, 50, 0.1);
print("loss:", Math.Round(LOSS1[^1], 4));
//> loss: 0.0058
print(model.state_dict());
//> OrderedDict([('weight', tensor([[ 1.9610, -1.0373]])), ('bias', tensor([1.0260]))])

// ## Two outputs
// Now each sample has two targets, Y2 = X·W2 + b2 with noise. The layer's weight comes out as W2 transposed:
// row i of the weight holds the input weights of output i.
var model2 = torch.nn.Linear(2, 2);
var W2 = tensor(new[,] { { 2.0, 1.0 }, { -1.0, 3.0 } });
var b2 = tensor(new[,] { { 1.0, -1.0 } });
var Y2 = X.mm(W2) + b2 + 0.1 * torch.randn(20, 2);
print("Y2:", Y2.shape, "model2(X):", model2.forward(X).shape);
//> Y2: torch.Size([20, 2]) model2(X): torch.Size([20, 2])
var LOSS2 = train(model2, X, Y2, 50, 0.1);
print("loss:", Math.Round(LOSS2[^1], 4));
//> loss: 0.0092
print("weight:", model2.weight.data);
//> weight: tensor([[ 2.0034, -0.9435],
//>         [ 0.9557,  2.9521]])
print("bias:", model2.bias.data);
//> bias: tensor([ 0.9903, -0.9902])

// ## Plot the losses and the predictions
// Left, the loss per epoch of both models; right, the predictions of the two-output model against its targets
// (on the diagonal when they agree).
subplot(1, 2, 1);
plot(LOSS1, label: "Linear(2, 1)");
plot(LOSS2, label: "Linear(2, 2)");
xlabel("epoch");
ylabel("cost");
legend();
subplot(1, 2, 2);
var predicted = model2.forward(X);
scatter(Y2[.., 0], predicted[.., 0], label: "output 1");
scatter(Y2[.., 1], predicted[.., 1], label: "output 2");
plot(new[] { -4.0, 5.0 }, new[] { -4.0, 5.0 }, "k--");
xlabel("target");
ylabel("prediction");
legend();
show();

// ## Exercise: three outputs
// Add a third target, the sum of the two features, next to Y2 (`torch.cat`), and fit nn.Linear(2, 3) (seed 4) for
// 50 epochs with lr = 0.1. Which row of the weight belongs to the new output, and what should it be?
#region solution
torch.manual_seed(4);
var model3 = torch.nn.Linear(2, 3);
var Y3 = torch.cat(new[] { Y2, X.sum(1, keepdim: true) }, 1);
var LOSS3 = train(model3, X, Y3, 50, 0.1);
print("weight:", model3.weight.data);
//> weight: tensor([[ 2.0043, -0.9422],
//>         [ 0.9504,  2.9425],
//>         [ 0.9990,  0.9950]])
#endregion

// # Stochastic and mini-batch gradient descent
// So far every step used all sixty samples. Stochastic gradient descent steps after each single sample;
// mini-batch gradient descent after each group of a few. The steps are noisier (one sample is a rough guess
// of the whole loss) but far more of them fit in an epoch, and with big data sets that is what makes
// training possible at all. Here the batches are cut by hand with slices.

// ## The data and the model
// The same line y = x - 1 with noise, and the same model ŷ = w·x + b, starting at w = -15, b = -10.
torch.manual_seed(1);
var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var f = 1 * X - 1;
var Y = f + 0.1 * torch.randn(X.size());
var w = tensor(-15.0, requires_grad: true);
var b = tensor(-10.0, requires_grad: true);
Tensor forward(Tensor x) => w * x + b;
Tensor criterion(Tensor yhat, Tensor y) => torch.mean((yhat - y).pow(2));

// ## A batch is a slice
// Rows i to i + 4 are `X[i..(i + 5)]`: a 5 × 1 tensor, a view of X (nothing is copied).
print("a batch of five:", X[0..5].shape, "the last:", X[55..60].view(-1));
//> a batch of five: torch.Size([5, 1]) the last: tensor([2.5000, 2.6000, 2.7000, 2.8000, 2.9000])

// ## One training loop for every batch size
// `train` starts from w = -15, b = -10 and, each epoch, walks through the data one batch at a time,
// stepping after each batch. It records the loss on the whole data set before every epoch and after the
// last, to compare the methods on the same footing. A batch of 60 is the full gradient descent of the
// previous lesson; a batch of 1 is stochastic gradient descent.
List<double> train(int batchSize, int epochs, double lr)
{
    w = tensor(-15.0, requires_grad: true);
    b = tensor(-10.0, requires_grad: true);
    var losses = new List<double>();
    var n = (int)X.shape[0];
    for (var epoch = 0; epoch < epochs; epoch++)
    {
        losses.Add(criterion(forward(X), Y).item());
        for (var i = 0; i < n; i += batchSize)
        {
            var end = Math.Min(i + batchSize, n);
            var loss = criterion(forward(X[i..end]), Y[i..end]);
            loss.backward();
            w.data = w.data - lr * w.grad.data;
            b.data = b.data - lr * b.grad.data;
            w.grad.data.zero_();
            b.grad.data.zero_();
        }
    }
    losses.Add(criterion(forward(X), Y).item());
    return losses;
}

// ## Full batch against one sample at a time
// Ten epochs are ten steps for full gradient descent, but six hundred for stochastic gradient descent,
// which ends much nearer the answer w = 1, b = -1 after the same number of passes over the data (b is
// -1.02 rather than -2.03), though w jitters a little with each last sample it saw.
var LOSS_BGD = train(60, 10, 0.1);
print("batch gradient descent, 10 steps: w", w.data, "b", b.data);
//> batch gradient descent, 10 steps: w tensor(0.9795) b tensor(-2.0316)
var LOSS_SGD = train(1, 10, 0.1);
print("stochastic gradient descent, 600 steps: w", w.data, "b", b.data);
//> stochastic gradient descent, 600 steps: w tensor(1.0554) b tensor(-1.0210)

// ## Mini-batches
// In between: batches of 5, 10 and 20 make 12, 6 and 3 steps per epoch.
var LOSS_MINI = new Dictionary<int, List<double>>();
foreach (var size in new[] { 5, 10, 20 })
{
    LOSS_MINI[size] = train(size, 10, 0.1);
    print("batches of", size, "->", 60 / size, "steps per epoch: w", w.data, "b", b.data);
}
//> batches of 5 -> 12 steps per epoch: w tensor(0.9961) b tensor(-1.0094)
//> batches of 10 -> 6 steps per epoch: w tensor(0.9927) b tensor(-1.0173)
//> batches of 20 -> 3 steps per epoch: w tensor(1.0023) b tensor(-1.0271)

// ## The loss per epoch
// After a single epoch, the sixty small steps have already halved what one big step leaves.
print("loss after one epoch, full batch vs one sample:", Math.Round(LOSS_BGD[1], 2), Math.Round(LOSS_SGD[1], 2));
//> loss after one epoch, full batch vs one sample: 175.47 83.8
plot(LOSS_BGD, label: "batch gradient descent");
plot(LOSS_SGD, label: "stochastic gradient descent");
foreach (var (size, losses) in LOSS_MINI) plot(losses, label: $"mini-batch, size {size}");
xlabel("epoch");
ylabel("cost on all the data");
legend();
show();

// ## Exercise: a smaller learning rate
// Train one sample at a time for 10 epochs with lr = 0.01. With ten times smaller steps, does it still get close?
#region solution
var LOSS_SMALL = train(1, 10, 0.01);
print("lr 0.01, one sample at a time: w", w.data, "b", b.data);
//> lr 0.01, one sample at a time: w tensor(0.9932) b tensor(-1.0174)
#endregion

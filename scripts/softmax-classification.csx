// # Softmax classification
// With more than two classes, the model gives one score per class and the highest score wins. nn.Linear(1, 3)
// makes three scores from one input; softmax turns them into probabilities that add up to 1, and
// nn.CrossEntropyLoss measures how much probability went to the right class.

// ## Three classes on a line
// Forty points from -2 to 1.9: class 0 up to -1, class 1 between -1 and 1, class 2 from 1 on. The labels are
// class indices, integers (int64), one per sample.
torch.manual_seed(1);
var X = torch.arange(-2, 2, 0.1).view(-1, 1);
var Y = torch.zeros(X.shape[0], dtype: torch.int64);
Y[torch.logical_and(X[.., 0] > -1, X[.., 0] < 1)] = 1;
Y[X[.., 0] >= 1] = 2;
print("labels:", Y);
//> labels: tensor([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
//>         1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])

// ## Scores and probabilities
// Each row of the model's output holds the three scores of one sample. Softmax along dimension 1 exponentiates
// them and divides by their sum. Untrained, the model gives the first point (class 0) its lowest probability.
var model = torch.nn.Sequential(torch.nn.Linear(1, 3));
print(model);
//> Sequential(
//>   (0): Linear(in_features=1, out_features=3, bias=True)
//> )
var z = model.forward(X[torch.tensor(new long[] { 0, 20, 39 })]);
print("scores:", z);
//> scores: tensor([[-0.5612, -0.0587,  0.9874],
//>         [ 0.4694, -0.9414,  0.5997],
//>         [ 1.4484, -1.7801,  0.2314]], grad_fn=<AddmmBackward0>)
print("probabilities:", torch.softmax(z, dim: 1));
//> probabilities: tensor([[0.1359, 0.2246, 0.6395],
//>         [0.4196, 0.1024, 0.4780],
//>         [0.7486, 0.0297, 0.2217]], grad_fn=<SoftmaxBackward0>)

// ## The cross-entropy
// CrossEntropyLoss takes the raw scores and the class indices; it applies log-softmax itself and averages
// -log P(right class). That is why its node is the negative log-likelihood, NllLoss.
var criterion = torch.nn.CrossEntropyLoss();
print("loss:", criterion.forward(model.forward(X), Y));
//> loss: tensor(1.8758, grad_fn=<NllLossBackward0>)

// ## Training
// Shuffled batches of five, lr = 0.1, 100 epochs. The accuracy is the share of samples whose highest score
// (argmax along dimension 1) is their class.
var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batchSize: 5, shuffle: true);
var optimizer = torch.optim.SGD(model.parameters(), lr: 0.1);
var LOSS = new List<double>();
var ACC = new List<double>();
for (var epoch = 0; epoch < 100; epoch++)
{
    foreach (var (xb, yb) in loader)
    {
        var loss = criterion.forward(model.forward(xb), yb);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Tensor accuracy;
    using (torch.no_grad())
    {
        var scores = model.forward(X);
        LOSS.Add(criterion.forward(scores, Y).item());
        accuracy = (scores.argmax(1) == Y).@float().mean();
        ACC.Add(accuracy.item());
    }
    if (epoch % 25 == 24) print("epoch", epoch, "loss", Math.Round(LOSS[^1], 4), "accuracy", accuracy);
}
//> epoch 24 loss 0.375 accuracy tensor(0.9750)
//> epoch 49 loss 0.2804 accuracy tensor(1.)
//> epoch 74 loss 0.237 accuracy tensor(1.)
//> epoch 99 loss 0.2109 accuracy tensor(1.)

// ## What it learned
// `max(1)` gives the highest score of each row and where it is: the predicted class. Every point is right now.
// The weights order the classes along x: class 0's score falls with x, class 2's rises, class 1's stays flat
// with the largest bias, so it wins in the middle.
var (_, yhat) = model.forward(X).max(1);
print("predicted:", yhat);
//> predicted: tensor([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
//>         1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
print(model.state_dict());
//> OrderedDict([('0.weight', tensor([[-3.8978],
//>         [-0.0263],
//>         [ 3.8040]])), ('0.bias', tensor([-1.1532,  2.4204, -1.1396]))])

// ## Plot the probabilities and the training
var P = torch.softmax(model.forward(X), dim: 1);
subplot(1, 2, 1);
for (var c = 0; c < 3; c++) plot(X, P[.., c], label: $"P(class {c})");
plot(X, Y.@float() / 2, "ko", label: "class / 2");
xlabel("x");
legend();
subplot(1, 2, 2);
plot(LOSS, label: "loss");
plot(ACC, label: "accuracy");
xlabel("epoch");
legend();
show();

// ## Exercise: how sure is it?
// What probabilities does the trained model give at x = 0.5?
#region solution
print("P(class) at x = 0.5:", torch.softmax(model.forward(tensor(new[,] { { 0.5 } })), dim: 1));
//> P(class) at x = 0.5: tensor([[0.0034, 0.8354, 0.1613]], grad_fn=<SoftmaxBackward0>)
#endregion

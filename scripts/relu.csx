// # The derivative of ReLU
// ReLU keeps positive values and turns negative ones into 0: relu(x) = max(x, 0). Its slope is 0 to
// the left of 0 and 1 to the right. With the sum trick, one backward() gives that slope at a thousand
// points between -10 and 10.

// ## ReLU on a thousand points
var x = linspace(-10, 10, 1000, requires_grad: true);
var Y = torch.nn.functional.relu(x);
var y = Y.sum();
print("points:", x.numel());
//> points: 1000
print("sum of relu(x):", y);
//> sum of relu(x): tensor(2502.5027, grad_fn=<SumBackward0>)

// ## The slope at every point
// Half of the points are positive, and each has slope 1, so the gradients add up to 500.
y.backward();
print("points with slope 1:", x.grad.sum());
//> points with slope 1: tensor(500.)

// ## Exactly at 0
// ReLU has a corner at 0, where no single slope exists. PyTorch (and GradRepl) use 0 there.
var t = tensor(new[] { -1.0, 0.0, 1.0 }, requires_grad: true);
torch.nn.functional.relu(t).sum().backward();
print("relu' at -1, 0, 1:", t.grad);
//> relu' at -1, 0, 1: tensor([0., 0., 1.])

// ## Plot the function and its derivative
plot(x, Y, label: "function");
plot(x, x.grad, label: "derivative");
xlabel("x");
legend();
show();

// # Many values at once
// backward() needs a single number to start from. To get the derivative of y = x² at many points
// in one go, put the points in one tensor, square them, and add the results up: each point only
// contributes its own term to the sum, so the gradient of the sum at each point is that point's
// derivative, 2x. This is the "sum trick".

// ## Ten points between -10 and 10
var x = linspace(-10, 10, 10, requires_grad: true);
var Y = x.pow(2);
var y = torch.sum(Y);
print("x:", x);
//> x: tensor([-10.0000,  -7.7778,  -5.5556,  -3.3333,  -1.1111,   1.1111,   3.3333,
//>           5.5556,   7.7778,  10.0000], requires_grad=True)
print("Y:", Y);
//> Y: tensor([100.0000,  60.4938,  30.8642,  11.1111,   1.2346,   1.2346,  11.1111,
//>          30.8642,  60.4938, 100.0000], grad_fn=<PowBackward0>)
print("y:", y);
//> y: tensor(407.4074, grad_fn=<SumBackward0>)

// ## The sum trick
// One backward() from the sum gives 2x at every point.
y.backward();
print("dy/dx:", x.grad);
//> dy/dx: tensor([-20.0000, -15.5556, -11.1111,  -6.6667,  -2.2222,   2.2222,   6.6667,
//>          11.1111,  15.5556,  20.0000])

// ## Plot the function and its derivative
// plot takes tensors (it detaches them and copies the values out). show() saves the figure as a
// PNG and prints where; the derivative is the straight line through the origin.
plot(x, Y, label: "function");
plot(x, x.grad, label: "derivative");
xlabel("x");
legend();
show();

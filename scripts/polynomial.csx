// # A polynomial
// Autograd handles any chain of operations, not just one. Here y = x² + 2x + 1, whose derivative
// is 2x + 2: at x = 2 the value is 9 and the slope is 6.

// ## y = x² + 2x + 1
// Numbers mix freely with tensors: 2 * x and + 1 work as they read.
var x = tensor(2.0, requires_grad: true);
var y = x.pow(2) + 2 * x + 1;
print("y at x = 2:", y);
//> y at x = 2: tensor(9., grad_fn=<AddBackward0>)

// ## dy/dx = 2x + 2
y.backward();
print("dy/dx at x = 2:", x.grad);
//> dy/dx at x = 2: tensor(6.)

// ## The graph behind y
// Every operation is a node. The last one is the "+ 1"; below it, the sum of the two terms,
// each reaching x. The constant 1 needs no gradient, so it does not appear.
show(y.grad_fn);
//> AddBackward0
//> └── AddBackward0
//>     ├── PowBackward0
//>     │   └── AccumulateGrad: tensor(2., requires_grad=True)
//>     └── MulBackward0
//>         └── AccumulateGrad: tensor(2., requires_grad=True)

// ## Gradients add up
// backward() adds into x.grad rather than replacing it. Running the same computation again
// doubles what is there; zero_() clears it before the next round.
var y2 = x.pow(2) + 2 * x + 1;
y2.backward();
print("x.grad after a second backward:", x.grad);
//> x.grad after a second backward: tensor(12.)
x.grad.zero_();
print("x.grad after zero_():", x.grad);
//> x.grad after zero_(): tensor(0.)

// ## Exercise: y = 2x³ + x at x = 1
// Compute y and its derivative 6x² + 1 at x = 1 (expect 3 and 7).
#region solution
var x1 = tensor(1.0, requires_grad: true);
var y1 = 2 * x1.pow(3) + x1;
print("y at x = 1:", y1);
//> y at x = 1: tensor(3., grad_fn=<AddBackward0>)
y1.backward();
print("dy/dx at x = 1:", x1.grad);
//> dy/dx at x = 1: tensor(7.)
#endregion

// # Derivatives with autograd
// A tensor created with `requires_grad: true` keeps a record of every operation applied to it.
// Calling `backward()` on a result replays that record from the end to the start and leaves the
// derivative of the result in the input's `grad`. This lesson does it for y = x² at x = 2.

// ## A tensor that records what happens to it
// A single number is a tensor with no dimensions: its shape is empty.
var x = tensor(2.0, requires_grad: true);
print("x:", x);
//> x: tensor(2., requires_grad=True)
print("shape of x:", x.shape);
//> shape of x: torch.Size([])

// ## y = x²
// Squaring x gives a new tensor. Its grad_fn names the operation that made it: a power.
var y = x.pow(2);
print("y = x²:", y);
//> y = x²: tensor(4., grad_fn=<PowBackward0>)

// ## dy/dx at x = 2
// The derivative of x² is 2x, so at x = 2 autograd should find 2 · 2 = 4.
y.backward();
print("dy/dx at x = 2:", x.grad);
//> dy/dx at x = 2: tensor(4.)

// ## What x remembers
// x was made by hand, not by an operation: it is a leaf. Leaves have no grad_fn and are where
// backward() deposits gradients.
print("data:", x.data);
print("grad_fn:", x.grad_fn);
print("grad:", x.grad);
print("is_leaf:", x.is_leaf);
print("requires_grad:", x.requires_grad);
//> data: tensor(2.)
//> grad_fn: None
//> grad: tensor(4.)
//> is_leaf: True
//> requires_grad: True

// ## What y remembers
// y came out of an operation, so it has a grad_fn (printed as a Python object with an address)
// and is not a leaf. Intermediate results keep no gradient: y.grad is None, and reading it
// prints a warning on stderr, as PyTorch does.
print("data:", y.data);
print("grad_fn:", y.grad_fn);
print("grad:", y.grad);
print("is_leaf:", y.is_leaf);
print("requires_grad:", y.requires_grad);
//> data: tensor(4.)
//> grad_fn: <PowBackward0 object at 0x7fc743886d40>
//> grad: None
//> is_leaf: False
//> requires_grad: True

// ## The same at a glance
// show(t) prints those five attributes in one go; show(node) draws the graph that backward()
// walks, from the result down to the leaves, where AccumulateGrad adds into x.grad.
show(x);
//> data: tensor(2.)
//> grad_fn: None
//> grad: tensor(4.)
//> is_leaf: True
//> requires_grad: True
show(y.grad_fn);
//> PowBackward0
//> └── AccumulateGrad: tensor(2., requires_grad=True)

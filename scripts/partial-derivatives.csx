// # Partial derivatives
// With several inputs, one backward() fills in the gradient of every input that requires it:
// each grad holds the partial derivative of the result with respect to that input.

// ## f(u, v) = uv + u² at u = 1, v = 2
var u = tensor(1.0, requires_grad: true);
var v = tensor(2.0, requires_grad: true);
var f = u * v + u.pow(2);
print("f(u=1, v=2):", f);
//> f(u=1, v=2): tensor(3., grad_fn=<AddBackward0>)

// ## ∂f/∂u = v + 2u
// Holding v fixed, the slope along u is v + 2u = 2 + 2 = 4.
f.backward();
print("∂f/∂u:", u.grad);
//> ∂f/∂u: tensor(4.)

// ## ∂f/∂v = u
// The same backward() already filled v.grad: holding u fixed, the slope along v is u = 1.
print("∂f/∂v:", v.grad);
//> ∂f/∂v: tensor(1.)

// ## Exercise: f(u, v) = uv + (uv)² at u = 2, v = 1
// By hand: ∂f/∂u = v + 2uv·v = 5 and ∂f/∂v = u + 2uv·u = 10. Check it with autograd.
#region solution
var u2 = tensor(2.0, requires_grad: true);
var v2 = tensor(1.0, requires_grad: true);
var f2 = u2 * v2 + (u2 * v2).pow(2);
print("f(u=2, v=1):", f2);
//> f(u=2, v=1): tensor(6., grad_fn=<AddBackward0>)
f2.backward();
print("∂f/∂u:", u2.grad);
print("∂f/∂v:", v2.grad);
//> ∂f/∂u: tensor(5.)
//> ∂f/∂v: tensor(10.)
#endregion

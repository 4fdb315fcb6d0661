// # Writing your own autograd function
// When an operation is not built in, you can teach autograd about it: derive from
// torch.autograd.Function<T> and write both directions. forward computes the value and saves what
// backward will need; backward receives the gradient arriving at the output (grad_output) and
// returns the gradient for the input, by the chain rule.

// ## Squaring, by hand
// forward runs with recording switched off: autograd does not look inside it, it only uses backward.
class SQ : torch.autograd.Function<SQ>
{
    public override Tensor forward(AutogradContext ctx, Tensor i)
    {
        ctx.save_for_backward(i);
        return i.pow(2);
    }

    public override Tensor backward(AutogradContext ctx, Tensor grad_output)
    {
        var i = ctx.saved_tensors[0];
        // d(i²)/di = 2i, times the gradient that reached the output (chain rule).
        return 2 * i * grad_output;
    }
}

// ## Using it
// apply runs forward and records a node named after the class.
var x = tensor(2.0, requires_grad: true);
var y = SQ.apply(x);
print(y);
//> tensor(4., grad_fn=<SQBackward>)
print(y.grad_fn);
//> <torch.autograd.function.SQBackward object at 0x7fc765591f40>
y.backward();
print("dy/dx at x = 2:", x.grad);
//> dy/dx at x = 2: tensor(4.)

// ## Why grad_output matters
// The lab's version of backward returned 2 * i and dropped grad_output. It still printed the right
// answer because it was called on y itself: backward() starts from a gradient of 1, so multiplying by
// grad_output changed nothing. As soon as the function sits inside a larger expression, grad_output is
// not 1 any more. For z = 3 · x², dz/dx = 6x = 12 at x = 2:
class LabSQ : torch.autograd.Function<LabSQ>
{
    public override Tensor forward(AutogradContext ctx, Tensor i)
    {
        ctx.save_for_backward(i);
        return i.pow(2);
    }

    // Forgets the chain rule: only right when grad_output happens to be 1.
    public override Tensor backward(AutogradContext ctx, Tensor grad_output) => 2 * ctx.saved_tensors[0];
}

var a = tensor(2.0, requires_grad: true);
(3 * SQ.apply(a)).backward();
print("dz/dx with SQ:", a.grad);
//> dz/dx with SQ: tensor(12.)
var b = tensor(2.0, requires_grad: true);
(3 * LabSQ.apply(b)).backward();
print("dz/dx with LabSQ:", b.grad);
//> dz/dx with LabSQ: tensor(4.)

// PyTorch tutorial "Learning PyTorch with Examples": the third-order polynomial fit to sin(x) with tensors and
// hand-written gradients, then with autograd, ported line by line. Python's in-place `a -= ...` is sub_ in C#,
// where -= would make a new tensor.
torch.manual_seed(0);

var dtype = torch.@float;
var x = torch.linspace(-Math.PI, Math.PI, 2000, dtype: dtype);
var y = torch.sin(x);

var a = torch.randn([], dtype: dtype);
var b = torch.randn([], dtype: dtype);
var c = torch.randn([], dtype: dtype);
var d = torch.randn([], dtype: dtype);

var learning_rate = 1e-6;
for (var t = 0; t < 2000; t++)
{
    var y_pred = a + b * x + c * x.pow(2) + d * x.pow(3);
    var loss = (y_pred - y).pow(2).sum().item();
    if (t % 100 == 99)
        print(t, loss);
    var grad_y_pred = 2.0 * (y_pred - y);
    var grad_a = grad_y_pred.sum();
    var grad_b = (grad_y_pred * x).sum();
    var grad_c = (grad_y_pred * x.pow(2)).sum();
    var grad_d = (grad_y_pred * x.pow(3)).sum();
    a.sub_(learning_rate * grad_a);
    b.sub_(learning_rate * grad_b);
    c.sub_(learning_rate * grad_c);
    d.sub_(learning_rate * grad_d);
}

print($"Result: y = {str(a.item())} + {str(b.item())} x + {str(c.item())} x^2 + {str(d.item())} x^3");

a = torch.randn([], dtype: dtype, requires_grad: true);
b = torch.randn([], dtype: dtype, requires_grad: true);
c = torch.randn([], dtype: dtype, requires_grad: true);
d = torch.randn([], dtype: dtype, requires_grad: true);

for (var t = 0; t < 2000; t++)
{
    var y_pred = a + b * x + c * x.pow(2) + d * x.pow(3);
    var loss = (y_pred - y).pow(2).sum();
    if (t % 100 == 99)
        print(t, loss.item());
    loss.backward();
    using (torch.no_grad())
    {
        a.sub_(learning_rate * a.grad);
        b.sub_(learning_rate * b.grad);
        c.sub_(learning_rate * c.grad);
        d.sub_(learning_rate * d.grad);
        a.grad = null;
        b.grad = null;
        c.grad = null;
        d.grad = null;
    }
}

print($"Result: y = {str(a.item())} + {str(b.item())} x + {str(c.item())} x^2 + {str(d.item())} x^3");

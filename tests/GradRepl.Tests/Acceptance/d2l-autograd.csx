// Dive into Deep Learning, 2.5 "Automatic Differentiation" (PyTorch version), ported line by line.
torch.manual_seed(0);

var x = torch.arange(4.0);
print(x);
x.requires_grad_(true);
print(x.grad);
var y = 2 * torch.dot(x, x);
print(y);
y.backward();
print(x.grad);
print(x.grad == 4 * x);
x.grad.zero_();
y = x.sum();
y.backward();
print(x.grad);

x.grad.zero_();
y = x * x;
y.backward(gradient: torch.ones(y.shape[0]));
print(x.grad);

x.grad.zero_();
y = x * x;
var u = y.detach();
var z = u * x;
z.sum().backward();
print(x.grad == u);
x.grad.zero_();
y.sum().backward();
print(x.grad == 2 * x);

Tensor f(Tensor a)
{
    var b = a * 2;
    while (b.norm() < 1000)
        b = b * 2;
    Tensor c;
    if (b.sum() > 0)
        c = b;
    else
        c = 100 * b;
    return c;
}

var a = torch.randn(size: [], requires_grad: true);
var d = f(a);
d.backward();
print(a.grad == d / a);
print(a, d, a.grad);

// PyTorch tutorial "A Gentle Introduction to torch.autograd", ported line by line (the parts without torchvision).
torch.manual_seed(0);

var a = torch.tensor(new[] { 2.0, 3.0 }, requires_grad: true);
var b = torch.tensor(new[] { 6.0, 4.0 }, requires_grad: true);
var Q = 3 * a.pow(3) - b.pow(2);
var external_grad = torch.tensor(new[] { 1.0, 1.0 });
Q.backward(gradient: external_grad);
// check if collected gradients are correct
print(9 * a.pow(2) == a.grad);
print(-2 * b == b.grad);
print(Q, a.grad, b.grad);

var x = torch.rand(5, 5);
var y = torch.rand(5, 5);
var z = torch.rand(new long[] { 5, 5 }, requires_grad: true);
a = x + y;
print($"Does `a` require gradients?: {a.requires_grad}");
b = x + z;
print($"Does `b` require gradients?: {b.requires_grad}");
print(b.grad_fn.name());

// PyTorch tutorial "Automatic Differentiation with torch.autograd" (autogradqs_tutorial), ported line by line.
torch.manual_seed(0);

var x = torch.ones(5);  // input tensor
var y = torch.zeros(3);  // expected output
var w = torch.randn(5, 3, requires_grad: true);
var b = torch.randn(3, requires_grad: true);
var z = torch.matmul(x, w) + b;
var loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y);

print($"Gradient function for z = {z.grad_fn}");
print($"Gradient function for loss = {loss.grad_fn}");

loss.backward();
print(w.grad);
print(b.grad);

z = torch.matmul(x, w) + b;
print(z.requires_grad);

using (torch.no_grad())
{
    z = torch.matmul(x, w) + b;
}
print(z.requires_grad);

z = torch.matmul(x, w) + b;
var z_det = z.detach();
print(z_det.requires_grad);

var inp = torch.eye(4, 5, requires_grad: true);
var @out = (inp + 1).pow(2).t();
@out.backward(torch.ones_like(@out), retain_graph: true);
print($"First call\n{inp.grad}");
@out.backward(torch.ones_like(@out), retain_graph: true);
print($"\nSecond call\n{inp.grad}");
inp.grad.zero_();
@out.backward(torch.ones_like(@out), retain_graph: true);
print($"\nCall after zeroing gradients\n{inp.grad}");

// # Updates that mean in C# what they mean in Python: no warning
// (expected output from PyTorch 1.13: the same loop in Python, with w.sub_ and loss = loss + l)

// ## Training with sub_, totals and a tensor sum outside no_grad
var w = tensor(new double[] { 1.0, -2.0 }, requires_grad: true);
double total = 0;
var steps = 0L;
for (int epoch = 0; epoch < 3; epoch++)
{
    var loss = tensor(0.0);
    for (int i = 0; i < 2; i++)
    {
        var l = (w * w).sum();
        loss += l;
    }

    loss.backward();
    using (torch.no_grad())
    {
        w.sub_(0.1 * w.grad);
        w.grad.zero_();
        total += loss.item();
        steps += 1;
        var scratch = torch.zeros(2);
        scratch += w;
    }
}
print(w, total, steps);
//> tensor([ 0.2160, -0.4320], requires_grad=True) 14.896000146865845 3

// # Python's update step, ported line by line
// (expected output: PyTorch 1.13 prints the same for `w = w - 0.1 * w.grad` under no_grad, which is what C# runs)

// ## One step of gradient descent
var w = tensor(2.0, requires_grad: true);
var loss = w * w;
loss.backward();
using (torch.no_grad())
{
    w -= 0.1 * w.grad;
}
print(w, w.requires_grad);
//> tensor(1.6000) False

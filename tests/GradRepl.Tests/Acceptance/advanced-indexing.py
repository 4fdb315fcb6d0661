# Indexing with tensors among other indices (PyTorch 1.13 semantics: values, shapes, errors, gradient), and x.T on 3-D.
import torch
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
x = torch.arange(24.0).view(2, 3, 4)
m = torch.arange(12.0).view(3, 4)
attempt("T 3-D", lambda: x.T.shape)
attempt("T 1-D", lambda: torch.arange(3.0).T)
attempt("tensor then slice", lambda: m[torch.tensor([0, 2]), 1:3])
attempt("int then tensor", lambda: m[1, torch.tensor([0, 3])])
attempt("slice then tensor", lambda: m[:, torch.tensor([0, 3])])
attempt("two tensors", lambda: m[torch.tensor([0, 2]), torch.tensor([1, 3])])
attempt("mask then int", lambda: m[torch.tensor([True, False, True]), 0])
attempt("3-D tensor middle", lambda: x[:, torch.tensor([0, 2]), :].shape)
attempt("3-D separated", lambda: x[torch.tensor([0, 1]), :, torch.tensor([1, 2])])
attempt("oob mixed", lambda: m[1, torch.tensor([0, 5])])
attempt("oob mixed 2", lambda: m[:, torch.tensor([0, 5])])
attempt("mask 2-D then None", lambda: x[torch.ones(2, 3, dtype=torch.bool), 1])
attempt("mask mid", lambda: x[:, torch.tensor([True, False, True])].shape)
attempt("mask wrong mid", lambda: x[:, torch.tensor([True, False])])
attempt("broadcast idx", lambda: m[torch.tensor([[0], [2]]), torch.tensor([1, 3])])
attempt("ellipsis tensor", lambda: x[..., torch.tensor([0, 3])].shape)
w = torch.arange(12.0).view(3, 4).requires_grad_()
y = w[torch.tensor([0, 2, 0]), 1:3]
y.sum().backward()
print(y.grad_fn.name(), w.grad)

# The issue's bad input, each in turn: PyTorch 1.13's exception name and text (or the value, where PyTorch clamps).
import torch


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


x = torch.tensor([1.0, 2.0, 3.0])
m = torch.arange(6.0).view(2, 3)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

attempt("cat sizes", lambda: torch.cat([torch.ones(2, 3), torch.ones(2, 4)], dim=0))
attempt("cat ranks", lambda: torch.cat([torch.ones(2, 3), torch.ones(3)]))
attempt("cat dim", lambda: torch.cat([m, m], dim=2))
attempt("stack sizes", lambda: torch.stack([torch.ones(2), torch.ones(3)]))
attempt("stack empty", lambda: torch.stack([]))
attempt("stack dim", lambda: torch.stack([x, x], dim=3))
attempt("mm", lambda: torch.mm(torch.ones(5, 3), torch.ones(2, 1)))
attempt("mm 1-D", lambda: torch.mm(torch.ones(3), torch.ones(3, 1)))
attempt("matmul", lambda: torch.matmul(torch.ones(2, 3), torch.ones(4)))
attempt("mv", lambda: torch.mv(torch.ones(2, 3), torch.ones(4)))
attempt("dot", lambda: torch.dot(torch.ones(3), torch.ones(4)))
attempt("sum dim", lambda: x.sum(3))
attempt("softmax dim", lambda: m.softmax(-3))
attempt("transpose dim", lambda: m.transpose(0, 2))
attempt("unsqueeze dim", lambda: x.unsqueeze(2))
attempt("squeeze dim", lambda: x.squeeze(1))
attempt("index", lambda: x[5])
attempt("index negative", lambda: x[-4])
attempt("index 2-D", lambda: m[0, 7])
attempt("too many indices", lambda: m[0, 0, 0])
attempt("index tensor", lambda: x[torch.tensor([0, 5])])
attempt("select", lambda: x.select(0, 5))
attempt("narrow", lambda: x.narrow(0, 2, 3))
attempt("slice clamps", lambda: x[1:10])
attempt("slice clamps below", lambda: x[-10:2])
attempt("slice empty", lambda: x[5:7])
attempt("slice 2-D clamps", lambda: m[:, 2:9])
attempt("view non-contiguous", lambda: m.t().view(6))
attempt("view size", lambda: x.view(4))
attempt("reshape size", lambda: x.reshape(2, 2))
attempt("expand", lambda: x.expand(2, 4))


def leaf_add():
    w.add_(1)


def leaf_write():
    w[0] = 5


def leaf_mask():
    w[w > 1] = 0


attempt("in-place leaf", leaf_add)
attempt("write leaf", leaf_write)
attempt("mask write leaf", leaf_mask)
attempt("mask shape", lambda: x[torch.tensor([True, False])])
attempt("mask 2-D shape", lambda: m[torch.tensor([True, False, True])])


def mask_write():
    y = x.clone()
    y[torch.tensor([True, False])] = 0


attempt("mask write shape", mask_write)
attempt("int requires grad", lambda: torch.tensor([1, 2], requires_grad=True))
attempt("int requires_grad_", lambda: torch.arange(3).requires_grad_())
attempt("bool requires_grad_", lambda: torch.tensor([True]).requires_grad_())


def saved_modified():
    a = w.exp()
    a.add_(1)
    a.sum().backward()


def non_scalar():
    (w * 2).backward()


def twice():
    y = (w * w).sum()
    y.backward()
    y.backward()


attempt("saved modified", saved_modified)
attempt("backward non-scalar", non_scalar)
attempt("backward twice", twice)
attempt("int zeros requires grad", lambda: torch.zeros(3, dtype=torch.int64, requires_grad=True))
attempt("int arange requires grad", lambda: torch.arange(3, requires_grad=True))
attempt("randint requires grad", lambda: torch.randint(0, 3, (2,), requires_grad=True))
attempt("randperm requires grad", lambda: torch.randperm(3, requires_grad=True))
attempt("int zeros_like requires grad", lambda: torch.zeros_like(torch.arange(3), requires_grad=True))


def setter():
    t = torch.arange(3)
    t.requires_grad = True


attempt("int requires_grad setter", setter)

// Indexing with tensors among other indices (PyTorch 1.13 semantics: values, shapes, errors, gradient), and x.T on 3-D.
void attempt(string label, Func<object> f)
{
    try { print(label, f()); }
    catch (TorchException e) { print(label, e.PythonName + ":", e.Message); }
}
var x = torch.arange(24.0).view(2, 3, 4);
var m = torch.arange(12.0).view(3, 4);
attempt("T 3-D", () => x.T.shape);
attempt("T 1-D", () => torch.arange(3.0).T);
attempt("tensor then slice", () => m[torch.tensor(new long[] { 0, 2 }), 1..3]);
attempt("int then tensor", () => m[1, torch.tensor(new long[] { 0, 3 })]);
attempt("slice then tensor", () => m[.., torch.tensor(new long[] { 0, 3 })]);
attempt("two tensors", () => m[torch.tensor(new long[] { 0, 2 }), torch.tensor(new long[] { 1, 3 })]);
attempt("mask then int", () => m[torch.tensor(new[] { true, false, true }), 0]);
attempt("3-D tensor middle", () => x[.., torch.tensor(new long[] { 0, 2 }), ..].shape);
attempt("3-D separated", () => x[torch.tensor(new long[] { 0, 1 }), .., torch.tensor(new long[] { 1, 2 })]);
attempt("oob mixed", () => m[1, torch.tensor(new long[] { 0, 5 })]);
attempt("oob mixed 2", () => m[.., torch.tensor(new long[] { 0, 5 })]);
attempt("mask 2-D then None", () => x[torch.ones(2, 3, dtype: torch.@bool), 1]);
attempt("mask mid", () => x[.., torch.tensor(new[] { true, false, true })].shape);
attempt("mask wrong mid", () => x[.., torch.tensor(new[] { true, false })]);
attempt("broadcast idx", () => m[torch.tensor(new long[,] { { 0 }, { 2 } }), torch.tensor(new long[] { 1, 3 })]);
attempt("ellipsis tensor", () => x[TensorIndex.Ellipsis, torch.tensor(new long[] { 0, 3 })].shape);
var w = torch.arange(12.0).view(3, 4).requires_grad_();
var y = w[torch.tensor(new long[] { 0, 2, 0 }), 1..3];
y.sum().backward();
print(y.grad_fn.name(), w.grad);

namespace GradRepl.Tensors.Autograd;

/// <summary>PyTorch 1.13's autograd error and warning texts, word for word.</summary>
internal static class Messages
{
    public const string BackwardTwice =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
        "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). " +
        "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

    public const string ImplicitGradScalarOnly = "grad can be implicitly created only for scalar outputs";

    public static string NoGradFn(int index) => $"element {index} of tensors does not require grad and does not have a grad_fn";

    public const string OnlyFloatCanRequireGrad = "only Tensors of floating point dtype can require gradients";

    public const string NonLeafRequiresGrad =
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that " +
        "doesn't require differentiation use var_no_grad = var.detach().";

    public const string LeafInPlace = "a leaf Variable that requires grad is being used in an in-place operation.";

    public const string UnusedInput =
        "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.";

    public const string NonLeafGradWarning =
        "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be " +
        "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use " +
        ".retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf " +
        "Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";
}

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

    // PyTorch words the same rule three ways: requires_grad_(), the requires_grad setter, and a factory's requires_grad=True.
    public const string OnlyFloatCanRequireGrad = "only Tensors of floating point dtype can require gradients";

    public const string SetterOnlyFloatCanRequireGrad = "only Tensors of floating point and complex dtype can require gradients";

    public const string FactoryOnlyFloatCanRequireGrad = "Only Tensors of floating point and complex dtype can require gradients";

    public const string NonLeafRequiresGrad =
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that " +
        "doesn't require differentiation use var_no_grad = var.detach().";

    public const string LeafInPlace = "a leaf Variable that requires grad is being used in an in-place operation.";

    public const string ViewOfLeafInPlace = "a view of a leaf Variable that requires grad is being used in an in-place operation.";

    public const string NoGradViewInPlace =
        "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is " +
        "ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both " +
        "inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

    public const string OverlappingWrite =
        "unsupported operation: more than one element of the written-to tensor refers to a single memory location. " +
        "Please clone() the tensor before performing the operation.";

    public const string SourceOverlapsWrite =
        "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. " +
        "Please clone() the tensor before performing the operation.";

    /// <summary>Backward found a saved tensor (<paramref name="description"/>, e.g. <c>torch.FloatTensor [3]</c>) changed in place since it was saved.</summary>
    public static string ModifiedInPlace(string description, string? madeBy, int version, int expectedVersion) =>
        "one of the variables needed for gradient computation has been modified by an inplace operation: " +
        $"[{description}]" + (madeBy is null ? "" : $", which is output 0 of {(madeBy == "CopySlices" ? "torch::autograd::CopySlices" : madeBy)},") +
        $" is at version {version}; expected version {expectedVersion} instead. Hint: enable anomaly detection to find the " +
        "operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";

    public const string IndexOfZeroDim =
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number";

    public const string UnusedInput =
        "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.";

    public const string ReversingTDeprecated =
        "UserWarning: The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw " +
        "an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` " +
        "to reverse the dimensions of a tensor. (Triggered internally at  ./aten/src/ATen/native/TensorShape.cpp:3277.)";

    public const string NonLeafGradWarning =
        "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be " +
        "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use " +
        ".retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf " +
        "Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";
}

using GradRepl.Tensors.Autograd;

namespace GradRepl.Tensors;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// A differentiable operation of one tensor written by the user, like PyTorch's <c>torch.autograd.Function</c>:
        /// override <see cref="forward"/> and <see cref="backward"/>, then call <c>T.apply(x)</c>.
        /// Its node is named after the class, e.g. <c>SQBackward</c>.
        /// </summary>
        public abstract class Function<T> where T : Function<T>, new()
        {
            /// <summary>Computes the output; runs with gradient recording off.</summary>
            public abstract Tensor forward(AutogradContext ctx, Tensor input);

            /// <summary>The gradient of the input from the gradient of the output.</summary>
            public abstract Tensor backward(AutogradContext ctx, Tensor grad_output);

            /// <summary>Runs the function and records it in the graph.</summary>
            public static Tensor apply(Tensor input)
            {
                var function = new T();
                var ctx = new AutogradContext([input.requires_grad]);
                Tensor output;
                using (GradMode.Disable()) output = function.forward(ctx, input);
                return CustomFunctions.Record(output, typeof(T).Name, [input], ctx,
                    g => [CustomFunctions.Check(function.backward(ctx, g), input, typeof(T).Name, 0)]);
            }
        }

        /// <summary>A user-written differentiable operation of two tensors; backward returns both gradients (null for none).</summary>
        public abstract class BinaryFunction<T> where T : BinaryFunction<T>, new()
        {
            /// <summary>Computes the output; runs with gradient recording off.</summary>
            public abstract Tensor forward(AutogradContext ctx, Tensor a, Tensor b);

            /// <summary>The gradients of both inputs from the gradient of the output.</summary>
            public abstract (Tensor? grad_a, Tensor? grad_b) backward(AutogradContext ctx, Tensor grad_output);

            /// <summary>Runs the function and records it in the graph.</summary>
            public static Tensor apply(Tensor a, Tensor b)
            {
                var function = new T();
                var ctx = new AutogradContext([a.requires_grad, b.requires_grad]);
                Tensor output;
                using (GradMode.Disable()) output = function.forward(ctx, a, b);
                var name = typeof(T).Name;
                return CustomFunctions.Record(output, name, [a, b], ctx, g =>
                {
                    var (ga, gb) = function.backward(ctx, g);
                    return [CustomFunctions.Check(ga, a, name, 0), CustomFunctions.Check(gb, b, name, 1)];
                });
            }
        }
    }
}

/// <summary>Recording and checking shared by the custom function base classes.</summary>
internal static class CustomFunctions
{
    public static Tensor Record(Tensor output, string className, Tensor[] inputs, AutogradContext ctx, Func<Tensor, Tensor?[]> backward)
    {
        // A fresh tensor object, so returning an input from forward does not rewrite the input's grad_fn.
        var result = output.detach();
        Recorder.Record(result, className + "Backward", inputs, savesTensors: false, (g, _) => backward(g));
        if (result.grad_fn is { } node)
        {
            node.ReturnsFreshGradients = false;
            node.OnRelease = ctx.Release;
            node.Qualifier = "torch.autograd.function.";
        }
        return result;
    }

    public static Tensor? Check(Tensor? grad, Tensor input, string className, int index)
    {
        if (grad is null || grad.Sizes.AsSpan().SequenceEqual(input.Sizes)) return grad;
        try
        {
            return grad.sum_to_size(input.Sizes);
        }
        catch (RuntimeError)
        {
            throw new RuntimeError($"Function {className}Backward returned an invalid gradient at index {index} - got {Kernels.Shapes.Format(grad.Sizes)} but expected shape compatible with {Kernels.Shapes.Format(input.Sizes)}");
        }
    }
}

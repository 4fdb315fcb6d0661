namespace GradRepl.Tensors.Autograd;

/// <summary>
/// Runs backward: finds the nodes reachable from the outputs, then runs each node once all the nodes
/// that feed it have run, summing the gradients that reach it (so reused nodes accumulate, never overwrite).
/// </summary>
internal static class GraphExecutor
{
    /// <summary>Backward from <paramref name="outputs"/>, accumulating into the leaves' <c>.grad</c>.</summary>
    public static void Backward(Tensor[] outputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph)
        => Run(outputs, gradOutputs, retainGraph, createGraph, captureInputs: null);

    /// <summary>The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, leaving every <c>.grad</c> alone.</summary>
    public static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph, bool allowUnused)
    {
        var captured = new Dictionary<Node, Tensor?>(NodeIdentity.Instance);
        var inputNodes = new Node[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputNodes[i] = inputs[i].GradEdge() ?? throw new RuntimeError("One of the differentiated Tensors does not require grad");
            captured[inputNodes[i]] = null;
        }
        Run(outputs, gradOutputs, retainGraph, createGraph, captured);
        var result = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            result[i] = captured[inputNodes[i]];
            if (result[i] is null && !allowUnused) throw new RuntimeError(Messages.UnusedInput);
        }
        return result;
    }

    private static void Run(Tensor[] outputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph, Dictionary<Node, Tensor?>? captureInputs)
    {
        var roots = new Node[outputs.Length];
        var buffers = new GradientBuffers(createGraph);
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            roots[i] = output.GradEdge() ?? throw new RuntimeError(Messages.NoGradFn(i));
            var given = gradOutputs?[i];
            var seed = given ?? ImplicitGradient(output);
            if (!seed.Sizes.AsSpan().SequenceEqual(output.Sizes))
                throw new RuntimeError($"Mismatch in shape: grad_output[{i}] has a shape of {seed.shape} and output[{i}] has a shape of {output.shape}.");
            // The implicit ones are the walk's own; a gradient the caller passed is theirs.
            buffers.Add(roots[i], seed, owned: given is null);
        }

        var dependencies = CountDependencies(roots);
        var ready = new Stack<Node>();
        foreach (var root in roots)
            if (dependencies.GetValueOrDefault(root) == 0 && !ready.Contains(root)) ready.Push(root);

        var executed = new List<Node>();
        using (createGraph ? GradMode.Enable() : GradMode.Disable())
        {
            while (ready.Count > 0)
            {
                Interruption.ThrowIfRequested();
                var node = ready.Pop();
                if (buffers.TryTake(node, out var grad, out var owned)) Execute(node, grad, owned, buffers, createGraph, captureInputs, executed);
                foreach (var next in node.Inputs)
                {
                    if (next is null) continue;
                    if (--dependencies[next] == 0) ready.Push(next);
                }
            }
        }
        if (!retainGraph)
            foreach (var node in executed) node.Release();
    }

    private static void Execute(Node node, Tensor grad, bool owned, GradientBuffers buffers, bool createGraph,
        Dictionary<Node, Tensor?>? captureInputs, List<Node> executed)
    {
        if (captureInputs is not null && captureInputs.ContainsKey(node))
        {
            captureInputs[node] = grad;
            if (node is AccumulateGrad) return;
        }
        if (node is AccumulateGrad accumulate)
        {
            // autograd.grad() leaves every .grad untouched.
            if (captureInputs is null) accumulate.Variable.AccumulateGradient(grad, createGraph, owned);
            return;
        }
        if (captureInputs is null && node.RetainedOutput is not null && node.RetainedOutput.TryGetTarget(out var retained))
            retained.SetRetainedGrad(grad, createGraph);

        var inputGrads = node.Apply(grad);
        executed.Add(node);
        for (var i = 0; i < node.Inputs.Length; i++)
        {
            var next = node.Inputs[i];
            if (next is null || i >= inputGrads.Length || inputGrads[i] is not { } g) continue;
            buffers.Add(next, g, OwnsOutput(node, grad, owned, inputGrads, g));
        }
    }

    /// <summary>
    /// Whether the walk alone holds <paramref name="output"/>'s storage: a new array from an engine node, or the
    /// incoming gradient's own array when the walk owned it and passes it to this one input only.
    /// </summary>
    private static bool OwnsOutput(Node node, Tensor incoming, bool incomingOwned, Tensor?[] outputs, Tensor output)
    {
        if (!node.ReturnsFreshGradients) return false;
        if (!output.SharesStorageWith(incoming)) return true;
        if (!incomingOwned) return false;
        var sharing = 0;
        foreach (var o in outputs) if (o is not null && o.SharesStorageWith(incoming)) sharing++;
        return sharing == 1;
    }

    private static Tensor ImplicitGradient(Tensor output)
    {
        if (output.Count != 1) throw new RuntimeError(Messages.ImplicitGradScalarOnly);
        return Tensor.OnesLike(output);
    }

    /// <summary>How many edges point at each node reachable from the roots (iterative, so deep graphs cannot overflow the stack).</summary>
    private static Dictionary<Node, int> CountDependencies(Node[] roots)
    {
        var dependencies = new Dictionary<Node, int>(NodeIdentity.Instance);
        var seen = new HashSet<Node>(NodeIdentity.Instance);
        var stack = new Stack<Node>();
        foreach (var root in roots)
            if (seen.Add(root)) stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var next in node.Inputs)
            {
                if (next is null) continue;
                dependencies[next] = dependencies.GetValueOrDefault(next) + 1;
                if (seen.Add(next)) stack.Push(next);
            }
        }
        return dependencies;
    }
}

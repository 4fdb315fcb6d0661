using System.Numerics;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// One parameter's state as an optimizer's update loop uses it: buffers the shape and dtype of the parameter, kept
/// in its state dict as tensors under PyTorch's names, and the step count.
/// </summary>
internal sealed class StateBuffers(PythonDict<string, object?> state, Tensor parameter)
{
    /// <summary>
    /// The elements of buffer <paramref name="name"/>, updated in place; a tensor filled with <paramref name="initial"/>
    /// on first use (PyTorch's <c>torch.zeros_like(p)</c>). A buffer that is not a plain tensor of the parameter's
    /// shape and dtype (one set by hand) is copied into one, or refused if it does not fit.
    /// </summary>
    public T[] Buffer<T>(string name, T initial) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (state.TryGetValue(name, out var existing) && existing is not null)
        {
            if (existing is not Tensor tensor || !tensor.Sizes.AsSpan().SequenceEqual(parameter.Sizes))
                throw new RuntimeError($"the optimizer's state '{name}' must be a tensor of the parameter's shape {parameter.shape}, got {PythonValueText.Repr(existing)}");
            if (tensor.dtype != parameter.dtype || !tensor.IsPlain) state[name] = tensor = tensor.detach().to(parameter.dtype).clone();
            return (T[])tensor.Storage;
        }
        var buffer = new T[parameter.numel()];
        Array.Fill(buffer, initial);
        state[name] = new Tensor(buffer, parameter.Sizes, parameter.dtype);
        return buffer;
    }

    /// <summary>Sets entry <paramref name="name"/> to None (SGD without momentum keeps <c>'momentum_buffer': None</c>).</summary>
    public void SetNone(string name) => state[name] = null;

    /// <summary>Whether buffer <paramref name="name"/> exists and is not None.</summary>
    public bool Has(string name) => state.TryGetValue(name, out var value) && value is not null;

    /// <summary>
    /// Counts this step in <c>state['step']</c>, a float32 0-dim tensor (Adam's and Adagrad's <c>step_t += 1</c>),
    /// and returns the count.
    /// </summary>
    public double NextStepTensor()
    {
        if (!state.TryGetValue("step", out var value) || value is null) state["step"] = value = torch.tensor(0f);
        if (value is not Tensor step || step.numel() != 1)
            throw new RuntimeError($"the optimizer's state 'step' must be a one-element tensor, got {PythonValueText.Repr(value)}");
        // step_t += 1 in the tensor's own dtype, one version bump; written directly, as this runs for every parameter at every step
        switch (step.IsPlain ? step.Storage : null)
        {
            case float[] f:
                f[0] += 1;
                step.VersionCounter.Value++;
                return f[0];
            case double[] d:
                d[0] += 1;
                step.VersionCounter.Value++;
                return d[0];
        }
        using (torch.no_grad()) step.add_(1.0);
        return step.item();
    }

    /// <summary>Counts this step in <c>state['step']</c>, a Python int (RMSprop's <c>state['step'] += 1</c>), and returns the count.</summary>
    public double NextStepCount()
    {
        var count = state.TryGetValue("step", out var value) ? value switch
        {
            null => 0L,
            int i => i,
            long l => l,
            double d => d,
            Tensor t when t.numel() == 1 => t.item(),
            _ => throw new RuntimeError($"the optimizer's state 'step' must be a number, got {PythonValueText.Repr(value)}"),
        } : 0L;
        var next = count + 1;
        state["step"] = next % 1 == 0 && Math.Abs(next) < int.MaxValue ? (object)(int)next : next;
        return next;
    }
}

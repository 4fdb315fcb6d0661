namespace GradRepl.Tensors;

// The engine's errors carry PyTorch's Python exception names, so a learner comparing with the
// lab sees "RuntimeError: grad can be implicitly created only for scalar outputs" in both.

/// <summary>Base of the engine's errors; <see cref="PythonName"/> is the matching Python exception type.</summary>
public abstract class TorchException(string message) : Exception(message)
{
    /// <summary>The name PyTorch's exception has in Python, e.g. <c>RuntimeError</c>.</summary>
    public abstract string PythonName { get; }
}

/// <summary>PyTorch's <c>RuntimeError</c>: shape mismatches, autograd misuse, unsupported dtypes.</summary>
public sealed class RuntimeError(string message) : TorchException(message)
{
    /// <inheritdoc/>
    public override string PythonName => "RuntimeError";
}

/// <summary>PyTorch's <c>IndexError</c>: an index outside a dimension.</summary>
public sealed class IndexError(string message) : TorchException(message)
{
    /// <inheritdoc/>
    public override string PythonName => "IndexError";
}

/// <summary>PyTorch's <c>ValueError</c>: an argument with a bad value (e.g. a negative size).</summary>
public sealed class ValueError(string message) : TorchException(message)
{
    /// <inheritdoc/>
    public override string PythonName => "ValueError";
}

/// <summary>Python's <c>KeyError</c>: a name a state dict or module does not have. The message is the key's repr, as Python prints it.</summary>
public sealed class KeyError(string message) : TorchException(message)
{
    /// <inheritdoc/>
    public override string PythonName => "KeyError";
}

/// <summary>Python's <c>FileNotFoundError</c>: <c>torch.load</c> was given a path with no file.</summary>
public sealed class FileNotFoundError(string message) : TorchException(message)
{
    /// <inheritdoc/>
    public override string PythonName => "FileNotFoundError";
}

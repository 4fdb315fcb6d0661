namespace GradRepl.Tensors.Autograd;

/// <summary>Computes the gradients of a node's inputs from the gradient of its output.</summary>
/// <param name="gradOutput">The gradient flowing into the node's output.</param>
/// <param name="needsInputGrad">Which inputs lead to tensors that require grad (the rest may return null).</param>
internal delegate Tensor?[] BackwardFunction(Tensor gradOutput, bool[] needsInputGrad);

/// <summary>
/// A node of the autograd graph (PyTorch's <c>grad_fn</c>): the operation that made a tensor, the nodes
/// of its inputs, and the closure that turns the output's gradient into the inputs' gradients.
/// </summary>
public class Node
{
    private static long s_nextAddress = 0x7f3a5c2e1b40;

    private readonly string _name;
    private readonly long _address;
    private BackwardFunction? _backward;

    internal Node(string name, Node?[] inputs, BackwardFunction? backward, bool savesTensors)
    {
        _name = name;
        Inputs = inputs;
        _backward = backward;
        SavesTensors = savesTensors;
        // Nodes print as Python objects do; the address is made up but unique and stable per node.
        _address = Interlocked.Add(ref s_nextAddress, 0x60);
        Hash = (int)(_address >> 5);
        NeedsInputGrad = Array.ConvertAll(inputs, n => n is not null);
    }

    /// <summary>A stable hash for the backward walk's tables (cheaper than the runtime's identity hash).</summary>
    internal int Hash { get; }

    /// <summary>
    /// True for the engine's own nodes: each gradient they return is either a new array or the incoming
    /// gradient's storage, so the backward walk can tell which arrays it alone holds. User functions may
    /// return any tensor, so theirs are always copied.
    /// </summary>
    internal bool ReturnsFreshGradients { get; set; } = true;

    /// <summary>The nodes that produced each input; null where an input does not require grad.</summary>
    internal Node?[] Inputs { get; }

    internal bool[] NeedsInputGrad { get; }

    /// <summary>Whether backward needs tensors saved in the forward pass (freed after backward unless retained).</summary>
    internal bool SavesTensors { get; }

    internal bool IsReleased { get; private set; }

    /// <summary>
    /// Python module path printed before the name: PyTorch's own nodes print bare, nodes of user-written
    /// functions as <c>torch.autograd.function.SQBackward</c>.
    /// </summary>
    internal string Qualifier { get; set; } = "";

    /// <summary>Called when the node's saved state is freed (custom functions free their context here).</summary>
    internal Action? OnRelease { get; set; }

    /// <summary>Non-leaf tensors made by this node that asked for <c>retain_grad()</c>.</summary>
    internal WeakReference<Tensor>? RetainedOutput { get; set; }

    /// <summary>The node's class name as PyTorch spells it, e.g. <c>PowBackward0</c>.</summary>
    public string name() => _name;

    /// <summary>
    /// The input nodes with their output index, PyTorch's <c>next_functions</c> (null for inputs that need no grad);
    /// a tuple, printed as PyTorch prints it: <c>((&lt;PowBackward0 object at 0x...&gt;, 0), (None, 0))</c>.
    /// </summary>
    public PythonTuple<(Node? node, int index)> next_functions => new(Array.ConvertAll(Inputs, n => (n, 0)));

    /// <summary>The tensors backward reads, with the storage version each had when saved.</summary>
    private SavedVersion[] _saved = [];

    /// <summary>Notes the versions of the tensors backward will read (<paramref name="output"/> is this node's own result).</summary>
    internal void SaveVersions(Tensor?[] tensors, Tensor output)
    {
        var count = 0;
        foreach (var t in tensors) if (t is not null) count++;
        if (count == 0) return;
        _saved = new SavedVersion[count];
        var i = 0;
        foreach (var t in tensors)
            if (t is not null) _saved[i++] = SavedVersion.Of(t, ReferenceEquals(t, output));
    }

    /// <summary>Runs the node's backward closure.</summary>
    internal virtual Tensor?[] Apply(Tensor gradOutput)
    {
        if (IsReleased && SavesTensors) throw new RuntimeError(Messages.BackwardTwice);
        foreach (var s in _saved)
        {
            if (s.Counter.Value == s.Version) continue;
            // PyTorch names the node that made the tensor: this one for its own output, else the tensor's current grad_fn.
            var madeBy = s.Input is null ? name() : s.Input.grad_fn?.name();
            throw new RuntimeError(Messages.ModifiedInPlace(s.Description, madeBy, s.Counter.Value, s.Version));
        }
        return _backward!(gradOutput, NeedsInputGrad);
    }

    /// <summary>Frees what the forward pass saved, as PyTorch does after a backward without retain_graph.</summary>
    internal void Release()
    {
        IsReleased = true;
        if (SavesTensors)
        {
            _backward = null;
            _saved = [];
        }
        OnRelease?.Invoke();
    }

    /// <summary>Python's object repr, e.g. <c>&lt;PowBackward0 object at 0x7f3a5c2e1ba0&gt;</c>.</summary>
    public override string ToString() => $"<{Qualifier}{_name} object at 0x{_address:x}>";
}

/// <summary>
/// A tensor a node's backward reads and the storage version it had when the node was recorded. It holds the version
/// counter and, for an input, the tensor (its closure holds it anyway); never the node's own output, so relu's node
/// keeps its mask and not its output.
/// </summary>
internal readonly record struct SavedVersion(VersionCounter Counter, int Version, Tensor? Input, ScalarType Dtype, int[] Sizes)
{
    public static SavedVersion Of(Tensor t, bool isOutput) => new(t.VersionCounter, t.Version, isOutput ? null : t, t.dtype, t.Sizes);

    /// <summary>PyTorch's description in the error, e.g. <c>torch.FloatTensor [3]</c>.</summary>
    public string Description => $"{Dtype.LegacyTypeName()} [{string.Join(", ", Sizes)}]";
}

/// <summary>Compares nodes by identity with their stored hash.</summary>
internal sealed class NodeIdentity : IEqualityComparer<Node>
{
    public static readonly NodeIdentity Instance = new();

    public bool Equals(Node? x, Node? y) => ReferenceEquals(x, y);

    public int GetHashCode(Node node) => node.Hash;
}

/// <summary>The node at a leaf that requires grad: backward adds the incoming gradient into the leaf's <c>.grad</c>.</summary>
public sealed class AccumulateGrad : Node
{
    internal AccumulateGrad(Tensor variable) : base("AccumulateGrad", [], null, savesTensors: false) => Variable = variable;

    /// <summary>The leaf tensor this node accumulates into.</summary>
    public Tensor variable => Variable;

    internal Tensor Variable { get; }

    internal override Tensor?[] Apply(Tensor gradOutput) => [];
}

namespace GradRepl.Tensors.Modules;

/// <summary>Modules run one after another, each on the previous one's output; the children are named 0, 1, 2, ... (or as given).</summary>
public sealed class Sequential : torch.nn.Module<Tensor, Tensor>
{
    private readonly List<torch.nn.Module<Tensor, Tensor>> _layers = [];

    internal Sequential(IEnumerable<(string name, torch.nn.Module<Tensor, Tensor> module)> modules) : base("Sequential")
    {
        foreach (var (name, module) in modules)
        {
            register_module(name, module);
            _layers.Add(module);
        }
    }

    /// <summary>The layer at <paramref name="index"/> (negative counts from the end): <c>(Linear)net[0]</c>.</summary>
    public torch.nn.Module<Tensor, Tensor> this[long index]
    {
        get
        {
            var i = index < 0 ? index + _layers.Count : index;
            if (i < 0 || i >= _layers.Count) throw new IndexError($"index {index} is out of range");
            return _layers[(int)i];
        }
    }

    /// <summary>The number of layers.</summary>
    public long Count => _layers.Count;

    /// <summary>Runs the layers in order.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers) x = layer.forward(x);
        return x;
    }
}

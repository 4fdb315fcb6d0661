namespace GradRepl.Tensors;

/// <summary>The element types a tensor can hold (the subset of PyTorch's dtypes the engine supports).</summary>
public enum ScalarType
{
    /// <summary>32-bit float, PyTorch's default (<c>torch.float32</c>).</summary>
    Float32,
    /// <summary>64-bit float (<c>torch.float64</c>).</summary>
    Float64,
    /// <summary>64-bit signed integer (<c>torch.int64</c>).</summary>
    Int64,
    /// <summary>Boolean (<c>torch.bool</c>).</summary>
    Bool,
}

/// <summary>PyTorch-style names and predicates for <see cref="ScalarType"/>.</summary>
public static class ScalarTypeExtensions
{
    /// <summary>The dtype as PyTorch prints it, e.g. <c>torch.float32</c>.</summary>
    public static string TorchName(this ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "torch.float32",
        ScalarType.Float64 => "torch.float64",
        ScalarType.Int64 => "torch.int64",
        ScalarType.Bool => "torch.bool",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    /// <summary>PyTorch's legacy tensor type name used in some error texts, e.g. <c>torch.FloatTensor</c>.</summary>
    public static string LegacyTypeName(this ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "torch.FloatTensor",
        ScalarType.Float64 => "torch.DoubleTensor",
        ScalarType.Int64 => "torch.LongTensor",
        _ => "torch.BoolTensor",
    };

    /// <summary>PyTorch's C++ scalar type name used in some error texts, e.g. <c>Float</c>.</summary>
    public static string CppName(this ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "Float",
        ScalarType.Float64 => "Double",
        ScalarType.Int64 => "Long",
        _ => "Bool",
    };

    /// <summary>True for float32 and float64: the dtypes that can require gradients.</summary>
    public static bool IsFloatingPoint(this ScalarType dtype) => dtype is ScalarType.Float32 or ScalarType.Float64;
}

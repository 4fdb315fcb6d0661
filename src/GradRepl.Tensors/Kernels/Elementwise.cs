using System.Numerics;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;

namespace GradRepl.Tensors.Kernels;

internal enum BinaryOp { Add, Sub, Mul, Div, Pow, Maximum, Minimum }

internal enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

internal enum UnaryOp { Neg, Abs, Exp, Log, Sin, Cos, Tan, Tanh, Sigmoid, Sqrt, Reciprocal, Relu, Sign }

/// <summary>
/// Element-wise kernels without autograd: typed loops over contiguous storage, vectorised through
/// <see cref="TensorPrimitives"/>. Operands are cast to the compute dtype and broadcast first.
/// </summary>
internal static class Elementwise
{
    public static Tensor Binary(BinaryOp op, Tensor a, Tensor b, ScalarType dtype)
    {
        Interruption.ThrowIfRequested();
        var shape = Shapes.Broadcast(a.Sizes, b.Sizes);
        // A single value (a one-element or uniform operand) is a scalar for the vectorised scalar kernels:
        // no full-size copy of it.
        if (dtype.IsFloatingPoint() && a.Count != 1 && TryGetSingleValue(b, out var bValue) && shape.AsSpan().SequenceEqual(a.Sizes))
            return BinaryScalar(op, a, bValue, false, dtype);
        if (dtype.IsFloatingPoint() && b.Count != 1 && TryGetSingleValue(a, out var aValue) && shape.AsSpan().SequenceEqual(b.Sizes))
            return BinaryScalar(op, b, aValue, true, dtype);
        var x = Operand(a, dtype, shape);
        var y = Operand(b, dtype, shape);
        var n = Shapes.Numel(shape);
        var result = Conversion.Uninitialized(dtype, n);
        switch (dtype)
        {
            case ScalarType.Float32 or ScalarType.Float64 when SmallLoops.TryBinary(x, y, result, op): break;
            case ScalarType.Float32: Float((float[])x, (float[])y, (float[])result, op); break;
            case ScalarType.Float64: Float((double[])x, (double[])y, (double[])result, op); break;
            case ScalarType.Int64: Integer((long[])x, (long[])y, (long[])result, op); break;
            default: Boolean((bool[])x, (bool[])y, (bool[])result, op); break;
        }
        return new Tensor(result, shape, dtype);
    }

    public static Tensor BinaryScalar(BinaryOp op, Tensor a, double scalar, bool scalarFirst, ScalarType dtype)
    {
        Interruption.ThrowIfRequested();
        // A uniform tensor stays uniform through correctly rounded arithmetic: computed once, on its value,
        // the result is bit for bit what every element would get.
        if (IsCorrectlyRounded(op) && dtype.IsFloatingPoint() && a.UniformValueTensor() is { } value)
            return Tensor.Uniform(BinaryScalar(op, value, scalar, scalarFirst, dtype), a.Sizes);
        var x = Conversion.Convert(a.Storage, dtype);
        var result = Conversion.Uninitialized(dtype, x.Length);
        switch (dtype)
        {
            case ScalarType.Float32 or ScalarType.Float64 when SmallLoops.TryScalar(x, scalar, scalarFirst, result, op): break;
            case ScalarType.Float32: FloatScalar((float[])x, (float)scalar, scalarFirst, (float[])result, op); break;
            case ScalarType.Float64: FloatScalar((double[])x, scalar, scalarFirst, (double[])result, op); break;
            case ScalarType.Int64:
            {
                var y = new long[x.Length];
                Conversion.Fill(y, (long)scalar);
                if (scalarFirst) Integer(y, (long[])x, (long[])result, op);
                else Integer((long[])x, y, (long[])result, op);
                break;
            }
            default: throw new RuntimeError($"{op} is not supported for bool tensors");
        }
        return new Tensor(result, a.Sizes, dtype);
    }

    public static Tensor Compare(CompareOp op, Tensor a, Tensor b)
    {
        var dtype = TypePromotion.ResultType(a, b);
        var shape = Shapes.Broadcast(a.Sizes, b.Sizes);
        var computeType = dtype == ScalarType.Bool ? ScalarType.Int64 : dtype;
        var x = Operand(a, computeType, shape);
        // A one-element right operand stays one element: CompareLoop reads it as a scalar.
        var y = b.Count == 1 ? Conversion.Convert(b.Storage, computeType) : Operand(b, computeType, shape);
        var result = Conversion.UninitializedArray<bool>(Shapes.Numel(shape));
        switch (x)
        {
            case float[] f: CompareLoop(f, (float[])y, result, op); break;
            case double[] d: CompareLoop(d, (double[])y, result, op); break;
            default: CompareLoop((long[])x, (long[])y, result, op); break;
        }
        return Tensor.Of(result, shape);
    }

    /// <summary>relu of a floating-point tensor, with the mask its backward needs (<see cref="ReluMask"/>).</summary>
    public static (Tensor Result, ReluMask Mask) ReluWithMask(Tensor a)
    {
        Interruption.ThrowIfRequested();
        switch (a.Storage)
        {
            case float[] f:
            {
                var result = Conversion.UninitializedArray<float>(f.Length); // every element is written
                return (new Tensor(result, a.Sizes, a.dtype), ReluMask.Forward(f, result));
            }
            case double[] d:
            {
                var result = Conversion.UninitializedArray<double>(d.Length);
                return (new Tensor(result, a.Sizes, a.dtype), ReluMask.Forward(d, result));
            }
            default: throw new RuntimeError($"relu with a mask is not implemented for '{a.dtype.CppName()}'");
        }
    }

    /// <summary>
    /// <paramref name="grad"/> where <paramref name="mask"/> passes, else 0: PyTorch's threshold_backward(grad, result, 0),
    /// zero where result &lt;= 0, so a NaN result lets the gradient through. A single-valued gradient (the uniform one
    /// sum() hands back) is read as a scalar.
    /// </summary>
    public static Tensor ReluBackward(Tensor grad, ReluMask mask, ScalarType dtype, int[] sizes)
    {
        Interruption.ThrowIfRequested();
        var output = Conversion.Uninitialized(dtype, mask.Length);
        var single = TryGetSingleValue(grad, out var value) && (grad.Count == 1 || grad.Sizes.AsSpan().SequenceEqual(sizes));
        var g = single ? null : Operand(grad, dtype, sizes);
        switch (output)
        {
            case float[] o when single: mask.Backward((float)value, o); break;
            case float[] o: mask.Backward((float[])g!, o); break;
            case double[] o when single: mask.Backward(value, o); break;
            case double[] o: mask.Backward((double[])g!, o); break;
            default: throw new RuntimeError($"threshold_backward is not implemented for '{dtype.CppName()}'");
        }
        return new Tensor(output, sizes, dtype);
    }

    public static Tensor Unary(UnaryOp op, Tensor a)
    {
        Interruption.ThrowIfRequested();
        // Sign-preserving ops keep integer dtypes; the rest compute in float, as PyTorch does.
        if (a.dtype == ScalarType.Int64 && op is UnaryOp.Neg or UnaryOp.Abs or UnaryOp.Relu or UnaryOp.Sign)
        {
            var src = (long[])a.Storage;
            var dst = new long[src.Length];
            for (var i = 0; i < src.Length; i++)
            {
                var v = src[i];
                dst[i] = op switch { UnaryOp.Neg => -v, UnaryOp.Abs => Math.Abs(v), UnaryOp.Relu => Math.Max(v, 0), _ => Math.Sign(v) };
            }
            return Tensor.Of(dst, a.Sizes);
        }
        if (a.dtype == ScalarType.Bool && op == UnaryOp.Neg)
            throw new RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        var dtype = TypePromotion.FloatFor(a.dtype);
        // Negation is exact, so a uniform tensor (say the gradient of a - b) stays uniform.
        if (op == UnaryOp.Neg && a.UniformValueTensor() is { } value)
            return Tensor.Uniform(Unary(op, value), a.Sizes);
        var x = Conversion.Convert(a.Storage, dtype);
        var result = Conversion.Uninitialized(dtype, x.Length);
        // exp, sigmoid, sin, log and tanh on float32 take PyTorch's bits (SLEEF's), which TensorPrimitives' differ from in the last place.
        if (dtype == ScalarType.Float32 && op == UnaryOp.Exp) SleefExp.Exp((float[])x, (float[])result);
        else if (dtype == ScalarType.Float32 && op == UnaryOp.Sin) SleefSin.Sin((float[])x, (float[])result);
        else if (dtype == ScalarType.Float32 && op == UnaryOp.Sigmoid) SleefExp.Sigmoid((float[])x, (float[])result);
        else if (dtype == ScalarType.Float32 && op == UnaryOp.Log) SleefLog.Log((float[])x, (float[])result);
        else if (dtype == ScalarType.Float32 && op == UnaryOp.Tanh) SleefTanh.Tanh((float[])x, (float[])result);
        else if (dtype == ScalarType.Float32) FloatUnary((float[])x, (float[])result, op);
        else FloatUnary((double[])x, (double[])result, op);
        return new Tensor(result, a.Sizes, dtype);
    }

    /// <summary><paramref name="target"/> += <paramref name="source"/> in place (same shape and dtype); used for .grad.</summary>
    public static void AddInPlace(Tensor target, Tensor source)
    {
        // A uniform source is added as its value, element by element the same sums as with its full array.
        if (source.TryGetUniformValue(out var value) && source.Sizes.AsSpan().SequenceEqual(target.Sizes))
        {
            if (SmallLoops.TryAddInPlace(target.Storage, null, value)) return;
            switch (target.Storage)
            {
                case float[] f: FloatScalar(f, (float)value, false, f, BinaryOp.Add); return;
                case double[] d: FloatScalar(d, value, false, d, BinaryOp.Add); return;
            }
        }
        var src = source.Sizes.AsSpan().SequenceEqual(target.Sizes) ? source : source.expand_as_copy(target.Sizes);
        var y = Conversion.Convert(src.Storage, target.dtype);
        if (target.dtype.IsFloatingPoint() && SmallLoops.TryAddInPlace(target.Storage, y, 0)) return;
        switch (target.Storage)
        {
            case float[] f: Float(f, (float[])y, f, BinaryOp.Add); break;
            case double[] d: Float(d, (double[])y, d, BinaryOp.Add); break;
            case long[] l: TensorPrimitives.Add(l, (long[])y, l); break;
            default: throw new RuntimeError("cannot accumulate into a bool tensor");
        }
    }

    /// <summary>
    /// (source·scale)·factor element-wise in one pass (source and factor of one shape and floating dtype), the
    /// multiplications in that order. Written over source when <paramref name="overwriteSource"/> (a fresh array
    /// only the caller holds), else into a new array. A uniform factor is read as its value.
    /// </summary>
    public static Tensor ScaleThenMultiply(Tensor source, double scale, Tensor factor, bool overwriteSource)
    {
        var output = overwriteSource ? source.Storage : Conversion.Uninitialized(source.dtype, source.Count);
        var uniform = factor.TryGetUniformValue(out var value);
        if (SmallLoops.TryScaleThenMultiply(source.Storage, scale, uniform ? null : factor.Storage, value, output))
            return new Tensor(output, source.Sizes, source.dtype);
        switch (source.Storage)
        {
            case float[] x: ScaleThenMultiply(x, (float)scale, uniform ? null : (float[])factor.Storage, (float)value, (float[])output); break;
            case double[] x: ScaleThenMultiply(x, scale, uniform ? null : (double[])factor.Storage, value, (double[])output); break;
            default: throw new InvalidOperationException("floating-point storage expected");
        }
        return new Tensor(output, source.Sizes, source.dtype);
    }

    /// <param name="factor">The factor per element, or null to use <paramref name="factorValue"/> for all.</param>
    private static void ScaleThenMultiply<T>(T[] x, T scale, T[]? factor, T factorValue, T[] output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!CoreSplit.Splits(output.Length)) ScaleThenMultiplyRange<T>(x, scale, factor, factorValue, output);
        else CoreSplit.Ranges(output.Length, (from, to) => ScaleThenMultiplyRange<T>(x.AsSpan(from, to - from), scale,
            factor is null ? default : factor.AsSpan(from, to - from), factorValue, output.AsSpan(from, to - from)));
    }

    /// <param name="factor">The factor per element, or empty to use <paramref name="factorValue"/> for all.</param>
    private static void ScaleThenMultiplyRange<T>(ReadOnlySpan<T> x, T scale, ReadOnlySpan<T> factor, T factorValue, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xv = MemoryMarshal.Cast<T, Vector<T>>(x);
            var ov = MemoryMarshal.Cast<T, Vector<T>>(output);
            var s = new Vector<T>(scale);
            if (factor.IsEmpty)
            {
                var f = new Vector<T>(factorValue);
                for (var k = 0; k < ov.Length; k++) ov[k] = xv[k] * s * f;
            }
            else
            {
                var fv = MemoryMarshal.Cast<T, Vector<T>>(factor);
                for (var k = 0; k < ov.Length; k++) ov[k] = xv[k] * s * fv[k];
            }
            i = ov.Length * Vector<T>.Count;
        }
        for (; i < output.Length; i++) output[i] = x[i] * scale * (factor.IsEmpty ? factorValue : factor[i]);
    }

    /// <summary>Keeps elements of <paramref name="values"/> where <paramref name="mask"/> is true, else 0 (clamp, leaky_relu, max/min and softplus gradients).</summary>
    public static Tensor Masked(Tensor values, Tensor mask)
    {
        var shape = Shapes.Broadcast(values.Sizes, mask.Sizes);
        var m = (bool[])Operand(mask, ScalarType.Bool, shape);
        var x = Operand(values, values.dtype, shape);
        var result = Conversion.Uninitialized(values.dtype, m.Length);
        switch (x)
        {
            case float[] f: { var r = (float[])result; for (var i = 0; i < r.Length; i++) r[i] = m[i] ? f[i] : 0f; break; }
            case double[] d: { var r = (double[])result; for (var i = 0; i < r.Length; i++) r[i] = m[i] ? d[i] : 0d; break; }
            case long[] l: { var r = (long[])result; for (var i = 0; i < r.Length; i++) r[i] = m[i] ? l[i] : 0; break; }
            default: throw new RuntimeError("masked values cannot be bool");
        }
        return new Tensor(result, shape, values.dtype);
    }

    /// <summary>1 - x² element-wise as one fused multiply-add (one rounding), as PyTorch's tanh_backward compiles it.</summary>
    public static Tensor OneMinusSquare(Tensor x)
    {
        switch (x.Storage)
        {
            case float[] f:
            {
                var r = Conversion.UninitializedArray<float>(f.Length);
                for (var i = 0; i < f.Length; i++) r[i] = MathF.FusedMultiplyAdd(-f[i], f[i], 1f);
                return new Tensor(r, x.Sizes, x.dtype);
            }
            case double[] d:
            {
                var r = Conversion.UninitializedArray<double>(d.Length);
                for (var i = 0; i < d.Length; i++) r[i] = Math.FusedMultiplyAdd(-d[i], d[i], 1.0);
                return new Tensor(r, x.Sizes, x.dtype);
            }
            default: throw new InvalidOperationException("floating-point storage expected");
        }
    }

    /// <summary>The one value of a one-element or uniform tensor, widened to double (without materialising it).</summary>
    private static bool TryGetSingleValue(Tensor t, out double value)
    {
        if (t.Count == 1)
        {
            value = t.GetAsDouble(0);
            return true;
        }
        return t.TryGetUniformValue(out value);
    }

    /// <summary>Operations whose every code path (vectorised or not) rounds the exact result once, so one scalar computation equals each element's.</summary>
    private static bool IsCorrectlyRounded(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div;

    private static Array Operand(Tensor t, ScalarType dtype, int[] shape)
    {
        var data = Conversion.Convert(t.Storage, dtype);
        if (t.Sizes.AsSpan().SequenceEqual(shape)) return data;
        return data switch
        {
            float[] f => Shapes.Expand(f, t.Sizes, shape),
            double[] d => Shapes.Expand(d, t.Sizes, shape),
            long[] l => Shapes.Expand(l, t.Sizes, shape),
            bool[] b => Shapes.Expand(b, t.Sizes, shape),
            _ => throw new InvalidOperationException(),
        };
    }

    // Long arrays are shared among the cores (CoreSplit). Every kernel below gives each element the same bits wherever
    // the chunk boundaries fall: correctly rounded arithmetic, or a scalar function per element.
    private static void Float<T>(T[] x, T[] y, T[] d, BinaryOp op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!CoreSplit.Splits(d.Length)) FloatRange<T>(x, y, d, op);
        else CoreSplit.Ranges(d.Length, (from, to) => FloatRange<T>(x.AsSpan(from, to - from), y.AsSpan(from, to - from), d.AsSpan(from, to - from), op));
    }

    private static void FloatRange<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d, BinaryOp op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add<T>(x, y, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract<T>(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply<T>(x, y, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide<T>(x, y, d); break;
            case BinaryOp.Pow: for (var i = 0; i < d.Length; i++) d[i] = T.Pow(x[i], y[i]); break;
            case BinaryOp.Maximum: TensorPrimitives.Max<T>(x, y, d); break;
            case BinaryOp.Minimum: TensorPrimitives.Min<T>(x, y, d); break;
        }
    }

    private static void FloatScalar<T>(T[] x, T s, bool scalarFirst, T[] d, BinaryOp op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!CoreSplit.Splits(d.Length)) FloatScalarRange<T>(x, s, scalarFirst, d, op);
        else CoreSplit.Ranges(d.Length, (from, to) => FloatScalarRange<T>(x.AsSpan(from, to - from), s, scalarFirst, d.AsSpan(from, to - from), op));
    }

    private static void FloatScalarRange<T>(ReadOnlySpan<T> x, T s, bool scalarFirst, Span<T> d, BinaryOp op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add<T>(x, s, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply<T>(x, s, d); break;
            case BinaryOp.Sub when scalarFirst: TensorPrimitives.Subtract<T>(s, x, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract<T>(x, s, d); break;
            case BinaryOp.Div when scalarFirst: TensorPrimitives.Divide<T>(s, x, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide<T>(x, s, d); break;
            case BinaryOp.Pow when scalarFirst: for (var i = 0; i < d.Length; i++) d[i] = T.Pow(s, x[i]); break;
            case BinaryOp.Pow: PowScalar(x, s, d); break;
            case BinaryOp.Maximum: TensorPrimitives.Max<T>(x, s, d); break;
            case BinaryOp.Minimum: TensorPrimitives.Min<T>(x, s, d); break;
        }
    }

    /// <summary>x^e with PyTorch's exact special cases (x*x for 2, sqrt for 0.5, ...), so x.pow(2) is exact.</summary>
    private static void PowScalar<T>(ReadOnlySpan<T> x, T e, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var two = T.CreateTruncating(2);
        if (e == two) TensorPrimitives.Multiply<T>(x, x, d);
        else if (e == T.CreateTruncating(3)) { TensorPrimitives.Multiply<T>(x, x, d); TensorPrimitives.Multiply<T>(d, x, d); }
        else if (e == T.One) x.CopyTo(d);
        else if (e == T.Zero) d.Fill(T.One);
        else if (e == T.CreateTruncating(0.5)) TensorPrimitives.Sqrt<T>(x, d);
        else if (e == T.CreateTruncating(-0.5)) { TensorPrimitives.Sqrt<T>(x, d); TensorPrimitives.Reciprocal<T>(d, d); }
        else if (e == -T.One) TensorPrimitives.Reciprocal<T>(x, d);
        else if (e == -two) { TensorPrimitives.Multiply<T>(x, x, d); TensorPrimitives.Reciprocal<T>(d, d); }
        else for (var i = 0; i < d.Length; i++) d[i] = T.Pow(x[i], e);
    }

    private static void Integer(long[] x, long[] y, long[] d, BinaryOp op)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(x, y, d); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(x, y, d); break;
            case BinaryOp.Minimum: TensorPrimitives.Min(x, y, d); break;
            case BinaryOp.Pow:
                for (var i = 0; i < d.Length; i++)
                {
                    if (y[i] < 0) throw new RuntimeError("Integers to negative integer powers are not allowed.");
                    d[i] = IntPow(x[i], y[i]);
                }
                break;
            default: throw new InvalidOperationException($"{op} is computed in float");
        }
    }

    private static long IntPow(long b, long e)
    {
        long r = 1;
        while (e > 0)
        {
            if ((e & 1) != 0) r = unchecked(r * b);
            b = unchecked(b * b);
            e >>= 1;
        }
        return r;
    }

    private static void Boolean(bool[] x, bool[] y, bool[] d, BinaryOp op)
    {
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Maximum: for (var i = 0; i < d.Length; i++) d[i] = x[i] | y[i]; break;
            case BinaryOp.Mul or BinaryOp.Minimum: for (var i = 0; i < d.Length; i++) d[i] = x[i] & y[i]; break;
            case BinaryOp.Sub:
                throw new RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
            default: throw new RuntimeError($"{op} is not supported for bool tensors");
        }
    }

    private static void CompareLoop<T>(T[] x, T[] y, bool[] d, CompareOp op) where T : INumber<T>
    {
        // One loop per operator (specialised through the struct type), so the switch is not paid per element.
        switch (op)
        {
            case CompareOp.Eq: CompareLoop<T, Eq<T>>(x, y, d); break;
            case CompareOp.Ne: CompareLoop<T, Ne<T>>(x, y, d); break;
            case CompareOp.Lt: CompareLoop<T, Lt<T>>(x, y, d); break;
            case CompareOp.Le: CompareLoop<T, Le<T>>(x, y, d); break;
            case CompareOp.Gt: CompareLoop<T, Gt<T>>(x, y, d); break;
            default: CompareLoop<T, Ge<T>>(x, y, d); break;
        }
    }

    private static void CompareLoop<T, TOp>(T[] x, T[] y, bool[] d) where T : INumber<T> where TOp : struct, IComparison<T>
    {
        if (y.Length == 1 && x.Length != 1)
        {
            var s = y[0];
            for (var i = 0; i < d.Length; i++) d[i] = TOp.Test(x[i], s);
            return;
        }
        for (var i = 0; i < d.Length; i++) d[i] = TOp.Test(x[i], y[i]);
    }

    private interface IComparison<T> { static abstract bool Test(T a, T b); }
    private readonly struct Eq<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a == b; }
    private readonly struct Ne<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a != b; }
    private readonly struct Lt<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a < b; }
    private readonly struct Le<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a <= b; }
    private readonly struct Gt<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a > b; }
    private readonly struct Ge<T> : IComparison<T> where T : INumber<T> { public static bool Test(T a, T b) => a >= b; }

    private static void FloatUnary<T>(T[] x, T[] d, UnaryOp op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case UnaryOp.Neg: TensorPrimitives.Negate<T>(x, d); break;
            case UnaryOp.Abs: TensorPrimitives.Abs<T>(x, d); break;
            case UnaryOp.Exp: TensorPrimitives.Exp<T>(x, d); break;
            case UnaryOp.Log: TensorPrimitives.Log<T>(x, d); break;
            case UnaryOp.Sin: TensorPrimitives.Sin<T>(x, d); break;
            case UnaryOp.Cos: TensorPrimitives.Cos<T>(x, d); break;
            case UnaryOp.Tan: TensorPrimitives.Tan<T>(x, d); break;
            case UnaryOp.Tanh: TensorPrimitives.Tanh<T>(x, d); break;
            case UnaryOp.Sigmoid: TensorPrimitives.Sigmoid<T>(x, d); break;
            case UnaryOp.Sqrt: TensorPrimitives.Sqrt<T>(x, d); break;
            case UnaryOp.Reciprocal: TensorPrimitives.Reciprocal<T>(x, d); break;
            // IEEE maximum propagates NaN, as PyTorch's relu does.
            case UnaryOp.Relu: TensorPrimitives.Max<T>(x, T.Zero, d); break;
            case UnaryOp.Sign: for (var i = 0; i < d.Length; i++) d[i] = T.IsNaN(x[i]) ? T.Zero : T.CreateTruncating(T.Sign(x[i])); break;
        }
    }
}

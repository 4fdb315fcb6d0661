namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Element-wise functions without a vectorised kernel (floor, log2, ...), computed in the element type:
/// float32 through the float function, float64 through the double one, each into a fresh array.
/// </summary>
internal static class Map
{
    public static Tensor Float(Tensor a, Func<float, float> f32, Func<double, double> f64)
    {
        Interruption.ThrowIfRequested();
        var dtype = TypePromotion.FloatFor(a.dtype);
        var source = a.dtype == dtype ? a.Storage : Conversion.Convert(a.Storage, dtype);
        Array result;
        if (source is float[] f)
        {
            var r = new float[f.Length];
            for (var i = 0; i < r.Length; i++) r[i] = f32(f[i]);
            result = r;
        }
        else
        {
            var d = (double[])source;
            var r = new double[d.Length];
            for (var i = 0; i < r.Length; i++) r[i] = f64(d[i]);
            result = r;
        }
        return new Tensor(result, a.Sizes, dtype);
    }
}

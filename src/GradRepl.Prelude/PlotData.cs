using System.Globalization;
using GradRepl.Tensors;

namespace GradRepl.Prelude;

/// <summary>
/// Numbers handed to a plotting call: a tensor (detached, as matplotlib users write <c>.detach()</c>), a .NET array of
/// any numeric type and rank 1 or 2 (what <c>numpy()</c> returns), or a list. Converted implicitly, so scripts pass
/// their values as they are. Holds the values flattened row by row, and the shape.
/// </summary>
public readonly struct PlotData
{
    private PlotData(double[] values, int rows, int columns)
    {
        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The values, row by row.</summary>
    public double[] Values { get; }

    /// <summary>Rows of a 2-D input; 1 for a 1-D one.</summary>
    public int Rows { get; }

    /// <summary>Columns of a 2-D input; the length of a 1-D one.</summary>
    public int Columns { get; }

    /// <summary>Whether the input had two dimensions.</summary>
    public bool Is2D => _twoDimensional;

    private readonly bool _twoDimensional;

    private PlotData(double[] values, int rows, int columns, bool twoDimensional)
        : this(values, rows, columns) => _twoDimensional = twoDimensional;

    /// <summary>A tensor's values, detached; a 2-D tensor keeps its shape.</summary>
    public static implicit operator PlotData(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var values = tensor.detach().ToArray();
        var shape = tensor.shape.ToArray();
        return shape.Length == 2
            ? new PlotData(values, (int)shape[0], (int)shape[1], twoDimensional: true)
            : new PlotData(values, 1, values.Length);
    }

    /// <summary>A numeric array of rank 1 or 2 (<c>double[]</c>, <c>float[]</c>, <c>int[]</c>, <c>double[,]</c>, ...).</summary>
    public static implicit operator PlotData(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Rank > 2)
        {
            throw new ArgumentException($"Plot data must have one or two dimensions, got an array of rank {values.Rank}");
        }

        var flat = values switch
        {
            double[] d => (double[])d.Clone(),
            float[] f => Array.ConvertAll(f, v => (double)v),
            _ => ToDoubles(values),
        };
        return values.Rank == 2
            ? new PlotData(flat, values.GetLength(0), values.GetLength(1), twoDimensional: true)
            : new PlotData(flat, 1, flat.Length);
    }

    /// <summary>A list of doubles.</summary>
    public static implicit operator PlotData(List<double> values) => FromList(values, v => v);

    /// <summary>A list of floats.</summary>
    public static implicit operator PlotData(List<float> values) => FromList(values, v => v);

    /// <summary>A list of ints.</summary>
    public static implicit operator PlotData(List<int> values) => FromList(values, v => v);

    /// <summary>The values as a 2-D array (rows x columns).</summary>
    /// <param name="name">The argument's name, for the error message.</param>
    /// <exception cref="ArgumentException">The input was not 2-D.</exception>
    public double[,] To2D(string name)
    {
        if (!_twoDimensional)
        {
            throw new ArgumentException($"{name} must be a 2-D array or tensor, got one of shape ({Values.Length},)");
        }

        var result = new double[Rows, Columns];
        Buffer.BlockCopy(Values, 0, result, 0, Values.Length * sizeof(double));
        return result;
    }

    private static PlotData FromList<T>(List<T> values, Func<T, double> convert)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = values.Select(convert).ToArray();
        return new PlotData(flat, 1, flat.Length);
    }

    private static double[] ToDoubles(Array values)
    {
        var result = new double[values.Length];
        var i = 0;
        foreach (var value in values)
        {
            result[i++] = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }

        return result;
    }
}

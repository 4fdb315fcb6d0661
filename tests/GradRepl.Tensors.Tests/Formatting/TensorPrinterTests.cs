using System.Globalization;
using System.Text.Json;
using GradRepl.Tensors.Formatting;
using Xunit;

namespace GradRepl.Tensors.Tests.Formatting;

/// <summary>
/// TensorPrinter against PyTorch 1.13's own reprs (Data/printing.json, written by Data/generate_printing.py),
/// plus focused cases that document the rules in isolation.
/// </summary>
public sealed class TensorPrinterTests
{
    /// <summary>One golden case: the tensor's data and what <c>repr(t)</c> printed in PyTorch.</summary>
    private sealed record GoldenCase(
        string Id, double[] Values, long[]? Integers, long[] Shape, ScalarType Dtype, bool RequiresGrad, string? GradFn, string Repr);

    private static readonly Lazy<IReadOnlyDictionary<string, GoldenCase>> Golden = new(LoadGolden);

    /// <summary>Case ids only, so each case is its own named test and a failure says which one.</summary>
    public static TheoryData<string> GoldenCaseIds
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (string id in Golden.Value.Keys)
            {
                ids.Add(id);
            }

            return ids;
        }
    }

    [Fact]
    public void GoldenData_Loaded_HasAtLeast200Cases()
    {
        Assert.True(Golden.Value.Count >= 200, $"only {Golden.Value.Count} golden cases");
    }

    [Theory]
    [MemberData(nameof(GoldenCaseIds))]
    public void Repr_GoldenCase_MatchesPyTorch(string id)
    {
        GoldenCase c = Golden.Value[id];

        // int64 goes through its exact path, as Tensor.ToString does (doubles would round values above 2^53).
        string actual = c.Integers is { } integers
            ? TensorPrinter.Repr(integers, c.Shape, c.GradFn)
            : TensorPrinter.Repr(c.Values, c.Shape, c.Dtype, c.RequiresGrad, c.GradFn);

        Assert.Equal(c.Repr, actual);
    }

    [Fact]
    public void TensorToString_Int64AboveTwoToThe53_PrintsExactDigits()
    {
        // PyTorch: tensor([9007199254740993, 9007199254740992]) (a double would print ...992 twice)
        Assert.Equal("tensor([9007199254740993, 9007199254740992])", torch.tensor(new long[] { 9007199254740993, 9007199254740992 }).ToString());
        Assert.Equal("tensor(-9007199254740993)", torch.tensor(-9007199254740993L).ToString());
    }

    [Fact]
    public void Repr_Float32ScalarIntegerValued_PrintsTrailingDot()
    {
        Assert.Equal("tensor(2.)", TensorPrinter.Repr([2.0], [], ScalarType.Float32, false, null));
    }

    [Fact]
    public void Repr_GradFnAndRequiresGrad_PrintsOnlyGradFn()
    {
        string repr = TensorPrinter.Repr([4.0], [], ScalarType.Float32, true, "PowBackward0");

        Assert.Equal("tensor(4., grad_fn=<PowBackward0>)", repr);
    }

    [Fact]
    public void Repr_Float64Vector_AddsDtypeSuffix()
    {
        string repr = TensorPrinter.Repr([0.5, 1.0], [2], ScalarType.Float64, false, null);

        Assert.Equal("tensor([0.5000, 1.0000], dtype=torch.float64)", repr);
    }

    [Theory]
    [InlineData(ScalarType.Int64, "tensor([1, 2])")]
    [InlineData(ScalarType.Bool, "tensor([ True, False])")]
    [InlineData(ScalarType.Float32, "tensor([1., 0.])")]
    public void Repr_DefaultOrSelfEvidentDtype_HasNoDtypeSuffix(ScalarType dtype, string expected)
    {
        double[] values = dtype == ScalarType.Int64 ? [1, 2] : [1, 0];

        Assert.Equal(expected, TensorPrinter.Repr(values, [2], dtype, false, null));
    }

    [Fact]
    public void Repr_EmptyInt64Matrix_PrintsSizeAndDtype()
    {
        string repr = TensorPrinter.Repr([], [0, 3], ScalarType.Int64, false, null);

        Assert.Equal("tensor([], size=(0, 3), dtype=torch.int64)", repr);
    }

    [Fact]
    public void Repr_SummarisedVector_ShowsThreeEdgeItemsEachSide()
    {
        double[] values = new double[1001];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        string repr = TensorPrinter.Repr(values, [1001], ScalarType.Int64, false, null);

        Assert.Equal("tensor([   0,    1,    2,  ...,  998,  999, 1000])", repr);
    }

    [Fact]
    public void Repr_ExactlyThresholdElements_IsNotSummarised()
    {
        double[] values = new double[1000];

        string repr = TensorPrinter.Repr(values, [1000], ScalarType.Int64, false, null);

        Assert.DoesNotContain("...", repr, StringComparison.Ordinal);
    }

    [Fact]
    public void Repr_ValuesDoNotMatchShape_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => TensorPrinter.Repr([1.0, 2.0, 3.0], [2, 2], ScalarType.Float32, false, null));

        Assert.Contains("holds 4 elements but 3 values were given", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, -3.0 }, "Integer")]
    [InlineData(new[] { 1.0, 1001.0 }, "Scientific")]
    [InlineData(new[] { 1.0, 1000.0 }, "Integer")]
    [InlineData(new[] { 2e8 }, "Scientific")]
    [InlineData(new[] { 0.5, 1.25 }, "Fixed")]
    [InlineData(new[] { 1e-5, 0.5 }, "Scientific")]
    [InlineData(new[] { 1e-4, 0.05 }, "Fixed")]
    [InlineData(new[] { 0.0, double.NaN, double.NegativeInfinity }, "Integer")]
    [InlineData(new[] { 0.0, 1e-9, 1e9 }, "Scientific")]
    public void ChooseMode_NonzeroFiniteValues_PicksPyTorchMode(double[] values, string expected)
    {
        Assert.Equal(expected, ElementFormatter.ChooseMode(values).ToString());
    }

    [Theory]
    [InlineData(1e5, "1.0000e+05")]
    [InlineData(-1e-5, "-1.0000e-05")]
    [InlineData(1.23456e-100, "1.2346e-100")]
    [InlineData(0.0, "0.0000e+00")]
    [InlineData(-0.0, "-0.0000e+00")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Scientific_Value_MatchesPythonFormat(double value, string expected)
    {
        Span<char> buffer = stackalloc char[PythonFloatFormat.MaxChars];

        int written = PythonFloatFormat.Scientific(value, buffer);

        Assert.Equal(expected, buffer[..written].ToString());
    }

    [Theory]
    [InlineData(0.03125, "0.0312")]
    [InlineData(0.09375, "0.0938")]
    [InlineData(-0.00001, "-0.0000")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void Fixed_Value_RoundsLikePython(double value, string expected)
    {
        Span<char> buffer = stackalloc char[PythonFloatFormat.MaxChars];

        int written = PythonFloatFormat.Fixed(value, buffer);

        Assert.Equal(expected, buffer[..written].ToString());
    }

    [Fact]
    public void Repr_LongSuffixAfterFullLine_WrapsOntoNewLine()
    {
        double[] values = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5];

        string repr = TensorPrinter.Repr(values, [7], ScalarType.Float64, true, null);

        Assert.Equal(
            "tensor([0.5000, 1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000],\n       dtype=torch.float64, requires_grad=True)",
            repr);
    }

    private static Dictionary<string, GoldenCase> LoadGolden()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "printing.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = new Dictionary<string, GoldenCase>(StringComparer.Ordinal);
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            string id = c.GetProperty("id").GetString()!;
            JsonElement valuesJson = c.GetProperty("values");
            double[] values = new double[valuesJson.GetArrayLength()];
            int i = 0;
            foreach (JsonElement v in valuesJson.EnumerateArray())
            {
                values[i++] = ParsePythonFloat(v.GetString()!);
            }

            long[] shape = c.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64()).ToArray();
            JsonElement gradFn = c.GetProperty("grad_fn");
            ScalarType dtype = ParseDtype(c.GetProperty("dtype").GetString()!);
            long[]? integers = dtype == ScalarType.Int64
                ? valuesJson.EnumerateArray().Select(v => long.Parse(v.GetString()!, CultureInfo.InvariantCulture)).ToArray()
                : null;
            cases.Add(id, new GoldenCase(
                id,
                values,
                integers,
                shape,
                dtype,
                c.GetProperty("requires_grad").GetBoolean(),
                gradFn.ValueKind == JsonValueKind.Null ? null : gradFn.GetString(),
                c.GetProperty("repr").GetString()!));
        }

        return cases;
    }

    /// <summary>Python's repr of a float (or an int) round-trips exactly through double.Parse; only non-finite names differ.</summary>
    private static double ParsePythonFloat(string text) => text switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static ScalarType ParseDtype(string name) => name switch
    {
        "torch.float32" => ScalarType.Float32,
        "torch.float64" => ScalarType.Float64,
        "torch.int64" => ScalarType.Int64,
        "torch.bool" => ScalarType.Bool,
        _ => throw new InvalidDataException($"Unknown dtype {name} in printing.json."),
    };
}

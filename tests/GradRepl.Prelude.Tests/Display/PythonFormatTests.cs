using GradRepl.Prelude.Display;

namespace GradRepl.Prelude.Tests.Display;

public sealed class PythonFormatTests
{
    // Expected strings are Python 3's repr(float(...)) for the same values.
    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(2.5e-7, "2.5e-07")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-1234.5, "-1234.5")]
    [InlineData(12345678901234567890.0, "1.2345678901234567e+19")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    public void FloatRepr_Double_MatchesPython(double value, string expected)
    {
        Assert.Equal(expected, PythonFormat.FloatRepr(value));
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(2f, "2.0")]
    [InlineData(1f / 3, "0.33333334")]
    [InlineData(1e-5f, "1e-05")]
    public void FloatRepr_Single_ShortestFloat32Digits(float value, string expected)
    {
        Assert.Equal(expected, PythonFormat.FloatRepr(value));
    }

    [Fact]
    public void Str_PythonConstants_NoneTrueFalse()
    {
        Assert.Equal("None", PythonFormat.Str(null));
        Assert.Equal("True", PythonFormat.Str(true));
        Assert.Equal("False", PythonFormat.Str(false));
    }

    [Fact]
    public void Str_Collections_PythonListTupleDictRepr()
    {
        Assert.Equal("[1.0, 2.5, 'a', None]", PythonFormat.Str(new object?[] { 1.0, 2.5, "a", null }));
        Assert.Equal("[1, 2, 3]", PythonFormat.Str(new List<long> { 1, 2, 3 }));
        Assert.Equal("(1, 'x')", PythonFormat.Str((1, "x")));
        Assert.Equal("{'a': 1}", PythonFormat.Str(new Dictionary<string, int> { ["a"] = 1 }));
        Assert.Equal("[\"it's\"]", PythonFormat.Str(new[] { "it's" }));
    }

    [Fact]
    public void Str_ObjectWithToString_UsesToString()
    {
        Assert.Equal("custom", PythonFormat.Str(new Custom()));
        Assert.Equal("plain text", PythonFormat.Str("plain text"));
    }

    private sealed class Custom : System.Collections.IEnumerable
    {
        public System.Collections.IEnumerator GetEnumerator() => Array.Empty<int>().GetEnumerator();

        public override string ToString() => "custom";
    }
}

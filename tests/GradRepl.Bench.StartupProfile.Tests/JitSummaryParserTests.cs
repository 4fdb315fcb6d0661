namespace GradRepl.Bench.StartupProfile.Tests;

// The lines below are shaped as a .NET 10 runtime writes them with DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1.
public sealed class JitSummaryParserTests
{
    private static JittedMethod Parse(string line) =>
        JitSummaryParser.ParseLine(line) ?? throw new Xunit.Sdk.XunitException($"line not parsed: {line}");

    // TypeName's Arguments is a list, which record equality compares by reference: compare printed forms instead.
    private static string[] Texts(IEnumerable<TypeName> types) => types.Select(t => t.ToString()).ToArray();

    [Fact]
    public void ParseLine_PlainMethod_ReadsTypeNameAndParameters()
    {
        var method = Parse("   3: JIT compiled P:F(int,System.String) [Tier0, IL size=4, code size=24]");

        Assert.Equal("P", method.Type.Name);
        Assert.Empty(method.Type.Arguments);
        Assert.Equal(0, method.Type.ArrayRank);
        Assert.Equal("F", method.Name);
        Assert.Empty(method.MethodArguments);
        Assert.Equal(["int", "System.String"], Texts(method.Parameters));
    }

    [Fact]
    public void ParseLine_NoParameters_GivesEmptyParameterList()
    {
        var method = Parse(" 141: JIT compiled System.Collections.Generic.List`1[System.__Canon]:.ctor() [Tier0, IL size=18, code size=132]");

        Assert.Equal(".ctor", method.Name);
        Assert.Empty(method.Parameters);
    }

    [Fact]
    public void ParseLine_NestedGenericTypeArguments_KeepsTheTreeOfArguments()
    {
        var method = Parse(
            "  40: JIT compiled System.Collections.Generic.Dictionary`2[System.__Canon,System.Collections.Generic.List`1[System.ValueTuple`2[int,System.__Canon]]]"
            + ":TryGetValue(System.__Canon,byref) [Tier0, IL size=42, code size=200]");

        Assert.Equal("System.Collections.Generic.Dictionary`2", method.Type.Name);
        Assert.Equal(2, method.Type.Arguments.Count);
        Assert.Equal("System.__Canon", method.Type.Arguments[0].ToString());
        var list = method.Type.Arguments[1];
        Assert.Equal("System.Collections.Generic.List`1", list.Name);
        var tuple = Assert.Single(list.Arguments);
        Assert.Equal("System.ValueTuple`2", tuple.Name);
        Assert.Equal(["int", "System.__Canon"], Texts(tuple.Arguments));
        Assert.Equal("TryGetValue", method.Name);
        Assert.Equal(["System.__Canon", "byref"], Texts(method.Parameters));
    }

    [Fact]
    public void ParseLine_GenericMethod_SplitsMethodArgumentsFromName()
    {
        var method = Parse(
            "  12: JIT compiled System.Collections.Immutable.ImmutableArray:CreateBuilder[Microsoft.CodeAnalysis.SyntaxList`1[System.__Canon]](int)"
            + " [Tier0, IL size=7, code size=120]");

        Assert.Equal("System.Collections.Immutable.ImmutableArray", method.Type.Name);
        Assert.Empty(method.Type.Arguments);
        Assert.Equal("CreateBuilder", method.Name);
        var argument = Assert.Single(method.MethodArguments);
        Assert.Equal("Microsoft.CodeAnalysis.SyntaxList`1", argument.Name);
        Assert.Equal(["System.__Canon"], Texts(argument.Arguments));
        Assert.Equal(["int"], Texts(method.Parameters));
    }

    [Fact]
    public void ParseLine_GenericMethodWithTwoArguments_ReadsBoth()
    {
        var method = Parse(
            " 300: JIT compiled System.Linq.Enumerable:Select[System.__Canon,int](System.Collections.Generic.IEnumerable`1[System.__Canon],System.Func`2[System.__Canon,int])"
            + " [Instrumented Tier0, IL size=80, code size=400]");

        Assert.Equal("Select", method.Name);
        Assert.Equal(["System.__Canon", "int"], Texts(method.MethodArguments));
        Assert.Equal(2, method.Parameters.Count);
        Assert.Equal("System.Collections.Generic.IEnumerable`1", method.Parameters[0].Name);
        Assert.Equal("System.Func`2", method.Parameters[1].Name);
        Assert.Equal(["System.__Canon", "int"], Texts(method.Parameters[1].Arguments));
    }

    [Fact]
    public void ParseLine_NestedGenericType_KeepsPlusAndPutsAllArgumentsAfterIt()
    {
        var method = Parse(" 575: JIT compiled Outer`1+Inner`1[System.__Canon,int]:M(System.ReadOnlySpan`1[System.__Canon]) [Tier0, IL size=1, code size=28]");

        Assert.Equal("Outer`1+Inner`1", method.Type.Name);
        Assert.Equal(["System.__Canon", "int"], Texts(method.Type.Arguments));
        Assert.Equal("M", method.Name);
        var parameter = Assert.Single(method.Parameters);
        Assert.Equal("System.ReadOnlySpan`1", parameter.Name);
        Assert.Equal(["System.__Canon"], Texts(parameter.Arguments));
    }

    [Fact]
    public void ParseLine_NestedTypeConstructor_ReadsParameterOfOuterType()
    {
        var method = Parse(
            " 227: JIT compiled System.Collections.Generic.List`1+Enumerator[System.__Canon]:.ctor(System.Collections.Generic.List`1[System.__Canon])"
            + " [Tier0, IL size=39, code size=74]");

        Assert.Equal("System.Collections.Generic.List`1+Enumerator", method.Type.Name);
        Assert.Equal(["System.__Canon"], Texts(method.Type.Arguments));
        Assert.Equal(".ctor", method.Name);
        var parameter = Assert.Single(method.Parameters);
        Assert.Equal("System.Collections.Generic.List`1", parameter.Name);
    }

    [Fact]
    public void ParseLine_ExplicitInterfaceMethod_KeepsWholeNameWithAngleBrackets()
    {
        var method = Parse(
            " 225: JIT compiled System.Collections.Generic.List`1[System.__Canon]:System.Collections.Generic.IEnumerable<T>.GetEnumerator()"
            + " [Tier0, IL size=30, code size=295]");

        Assert.Equal("System.Collections.Generic.List`1", method.Type.Name);
        Assert.Equal(["System.__Canon"], Texts(method.Type.Arguments));
        Assert.Equal("System.Collections.Generic.IEnumerable<T>.GetEnumerator", method.Name);
        Assert.Empty(method.MethodArguments);
        Assert.Empty(method.Parameters);
    }

    [Fact]
    public void ParseLine_CompilerGeneratedNames_KeepsAngleBracketsInTypeAndMethod()
    {
        var method = Parse("  90: JIT compiled C+<>c:<Run>b__0_0(System.String) [Tier0, IL size=8, code size=40]");

        Assert.Equal("C+<>c", method.Type.Name);
        Assert.Empty(method.Type.Arguments);
        Assert.Equal("<Run>b__0_0", method.Name);
        Assert.Equal(["System.String"], Texts(method.Parameters));
    }

    [Fact]
    public void ParseLine_ArrayParameters_CountsRankOnElementType()
    {
        var method = Parse("   1: JIT compiled Program:<Main>$(System.String[],int[][]) [Instrumented Tier0, IL size=65, code size=269]");

        Assert.Equal("<Main>$", method.Name);
        Assert.Equal(2, method.Parameters.Count);
        Assert.Equal(("System.String", 1), (method.Parameters[0].Name, method.Parameters[0].ArrayRank));
        Assert.Equal(("int", 2), (method.Parameters[1].Name, method.Parameters[1].ArrayRank));
    }

    [Fact]
    public void ParseLine_ArrayOfGenericType_KeepsArgumentsAndRank()
    {
        var method = Parse(" 410: JIT compiled System.Array:Empty[System.Collections.Generic.KeyValuePair`2[System.__Canon,int][]]() [Tier0, IL size=6, code size=40]");

        var argument = Assert.Single(method.MethodArguments);
        Assert.Equal("System.Collections.Generic.KeyValuePair`2", argument.Name);
        Assert.Equal(["System.__Canon", "int"], Texts(argument.Arguments));
        Assert.Equal(1, argument.ArrayRank);
    }

    [Fact]
    public void ParseLine_ByrefParameters_AreNamedByref()
    {
        var method = Parse(" 573: JIT compiled P:ByRef(byref,byref) [Tier0, IL size=6, code size=38]");

        Assert.Equal("ByRef", method.Name);
        Assert.Equal(["byref", "byref"], Texts(method.Parameters));
    }

    [Theory]
    [InlineData("Tier0")]
    [InlineData("Instrumented Tier0")]
    [InlineData("MinOpts")]
    [InlineData("Tier-0 switched to FullOpts")]
    public void ParseLine_FirstCompilationTier_IsKept(string tier)
    {
        var method = JitSummaryParser.ParseLine($" 321: JIT compiled System.Environment:GetEnvironmentVariableCore(System.String) [{tier}, IL size=116, code size=619]");

        Assert.NotNull(method);
        Assert.Equal("GetEnvironmentVariableCore", method.Name);
    }

    [Theory]
    [InlineData("Tier1")]
    [InlineData("Tier1 with Static PGO")]
    [InlineData("Instrumented Tier1")]
    [InlineData("Tier1-OSR @0x12 with Synthesized PGO")]
    [InlineData("Instrumented Tier1-OSR @0x12")]
    public void ParseLine_RecompilationTier_ReturnsNull(string tier)
    {
        Assert.Null(JitSummaryParser.ParseLine($"   2: JIT compiled Program:<Main>$(System.String[]) [{tier}, IL size=65, code size=151]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello from the script")]
    [InlineData("   2: JIT inlined Program:<Main>$(System.String[]) [Tier0, IL size=65, code size=151]")]
    public void ParseLine_NotAJitCompiledLine_ReturnsNull(string line)
    {
        Assert.Null(JitSummaryParser.ParseLine(line));
    }

    [Fact]
    public void ParseType_GenericArray_RoundTripsThroughToString()
    {
        const string text = "System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[int]][][]";

        var type = JitSummaryParser.ParseType(text);

        Assert.Equal("System.Collections.Generic.Dictionary`2", type.Name);
        Assert.Equal(2, type.ArrayRank);
        Assert.Equal(text, type.ToString());
    }
}

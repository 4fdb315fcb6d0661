using System.Collections.Immutable;
using System.Reflection;

namespace GradRepl.Bench.StartupProfile.Tests;

public sealed class MethodResolverTests
{
    // Over the assemblies this process has loaded, as the tool does over the framework and the built app; the
    // typeof()s make sure the ones the lines below name are among them.
    private static readonly MethodResolver s_resolver = CreateResolver();

    private static MethodResolver CreateResolver()
    {
        _ = typeof(ImmutableArray).Assembly;
        _ = typeof(Enumerable).Assembly;
        _ = typeof(ConstraintBase).Assembly;
        return new MethodResolver(AppDomain.CurrentDomain.GetAssemblies());
    }

    private static IReadOnlyList<MethodBase> Resolve(string line) =>
        s_resolver.Resolve(JitSummaryParser.ParseLine($"  12: JIT compiled {line} [Tier0, IL size=7, code size=120]")
                           ?? throw new Xunit.Sdk.XunitException($"line not parsed: {line}"));

    [Fact]
    public void Resolve_MethodOfValueTypeInstantiation_GivesThatInstantiationsMethod()
    {
        var method = Assert.Single(Resolve("System.Collections.Generic.List`1[int]:Add(int)"));

        Assert.Equal(typeof(List<int>).GetMethod(nameof(List<>.Add)), method);
    }

    [Fact]
    public void Resolve_CanonConstructor_GivesTheInstanceConstructorOfObjectInstantiation()
    {
        // List<T> has a type initializer too; a .ctor line is not a .cctor one.
        var method = Assert.Single(Resolve("System.Collections.Generic.List`1[System.__Canon]:.ctor()"));

        Assert.Equal(typeof(List<object>).GetConstructor(Type.EmptyTypes), method);
    }

    [Fact]
    public void Resolve_ConstructorOverloads_KeepsOnlyTheOneWithMatchingParameters()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.GenericWithTypeInitializer`1[int]:.ctor(int)"));

        Assert.Equal(typeof(GenericWithTypeInitializer<int>).GetConstructor([typeof(int)]), method);
    }

    [Fact]
    public void Resolve_GenericMethod_GivesInstantiationOfTheOverloadWithThoseParameters()
    {
        var method = Assert.Single(Resolve("System.Collections.Immutable.ImmutableArray:CreateBuilder[int](int)"));

        var expected = typeof(ImmutableArray).GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.CreateBuilder) && m.GetParameters().Length == 1)
            .MakeGenericMethod(typeof(int));
        Assert.Equal(expected, method);
        Assert.Equal([typeof(int)], method.GetGenericArguments());
        Assert.Equal(typeof(int), Assert.Single(method.GetParameters()).ParameterType);
    }

    [Fact]
    public void Resolve_GenericMethodOverCanon_InstantiatesOverObject()
    {
        var method = Assert.Single(Resolve("System.Collections.Immutable.ImmutableArray:CreateBuilder[System.__Canon]()"));

        Assert.Equal(nameof(ImmutableArray.CreateBuilder), method.Name);
        Assert.Equal([typeof(object)], method.GetGenericArguments());
        Assert.Empty(method.GetParameters());
    }

    [Fact]
    public void Resolve_CanonWithClassConstraint_InstantiatesOverTheConstraint()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.ConstrainedHolder`1[System.__Canon]:M()"));

        Assert.Equal(typeof(ConstrainedHolder<ConstraintBase>).GetMethod(nameof(ConstrainedHolder<>.M)), method);
    }

    [Fact]
    public void Resolve_CanonWithSelfReferencingConstraint_InstantiatesOverADerivedClass()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.SelfConstrainedHolder`1[System.__Canon]:Step()"));

        Assert.Equal(typeof(SelfConstrainedHolder<SelfConstrained>).GetMethod(nameof(SelfConstrainedHolder<>.Step)), method);
    }

    [Fact]
    public void Resolve_ExplicitInterfaceMethod_GivesThePrivateImplementation()
    {
        var method = Assert.Single(Resolve("System.Collections.Generic.List`1[System.__Canon]:System.Collections.Generic.IEnumerable<T>.GetEnumerator()"));

        Assert.Equal(typeof(List<object>), method.DeclaringType);
        Assert.Equal("System.Collections.Generic.IEnumerable<T>.GetEnumerator", method.Name);
        Assert.Equal(typeof(IEnumerator<object>), ((MethodInfo)method).ReturnType);
    }

    [Fact]
    public void Resolve_NestedTypeOfGenericType_GivesConstructorOfNestedInstantiation()
    {
        var method = Assert.Single(Resolve(
            "System.Collections.Generic.List`1+Enumerator[System.__Canon]:.ctor(System.Collections.Generic.List`1[System.__Canon])"));

        Assert.Equal(typeof(List<object>.Enumerator), method.DeclaringType);
        Assert.Equal(typeof(List<object>), Assert.Single(method.GetParameters()).ParameterType);
    }

    [Fact]
    public void Resolve_ByrefParameter_PicksTheByRefOverload()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.ByRefOverloads:Read(byref)"));

        Assert.True(Assert.Single(method.GetParameters()).ParameterType.IsByRef);
    }

    [Fact]
    public void Resolve_ValueParameter_PicksTheNonByRefOverload()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.ByRefOverloads:Read(int)"));

        Assert.Equal(typeof(int), Assert.Single(method.GetParameters()).ParameterType);
    }

    [Fact]
    public void Resolve_CanonGenericMethodWithByrefParameter_GivesTheGenericOverloadOnly()
    {
        var method = Assert.Single(Resolve("System.Threading.Interlocked:CompareExchange[System.__Canon](byref,System.__Canon,System.__Canon)"));

        Assert.True(method.IsGenericMethod);
        Assert.Equal([typeof(object)], method.GetGenericArguments());
    }

    [Fact]
    public void Resolve_WrongPrimitiveParameter_GivesNothing()
    {
        Assert.Empty(Resolve("System.Collections.Generic.List`1[int]:Add(long)"));
    }

    [Fact]
    public void Resolve_UnknownType_GivesNothing()
    {
        Assert.Empty(Resolve("No.Such.Namespace.Missing`1[System.__Canon]:.ctor()"));
    }

    [Fact]
    public void Resolve_UnknownMethodArgument_GivesNothing()
    {
        Assert.Empty(Resolve("System.Collections.Immutable.ImmutableArray:CreateBuilder[No.Such.Struct](int)"));
    }

    [Fact]
    public void Resolve_UnknownMethodName_GivesNothing()
    {
        Assert.Empty(Resolve("System.Collections.Generic.List`1[int]:NoSuchMethod()"));
    }

    [Fact]
    public void Resolve_TypeInitializer_GivesTheTypeInitializer()
    {
        var method = Assert.Single(Resolve("GradRepl.Bench.StartupProfile.Tests.WithTypeInitializer:.cctor()"));

        Assert.Equal(typeof(WithTypeInitializer).TypeInitializer, method);
        Assert.True(method.IsStatic);
    }

    [Fact]
    public void Resolve_TypeInitializerOfGenericInstantiation_GivesThatInstantiationsTypeInitializer()
    {
        var method = Assert.Single(Resolve("System.Collections.Generic.List`1[System.__Canon]:.cctor()"));

        Assert.NotNull(typeof(List<object>).TypeInitializer);
        Assert.Equal(typeof(List<object>).TypeInitializer, method);
    }

    [Fact]
    public void Resolve_TypeInitializerOfTypeWithoutOne_GivesNothing()
    {
        Assert.Empty(Resolve("GradRepl.Bench.StartupProfile.Tests.ByRefOverloads:.cctor()"));
    }

    [Fact]
    public void ResolveType_NestedGenericArgumentsAndArray_BuildsTheConstructedType()
    {
        var type = s_resolver.ResolveType(JitSummaryParser.ParseType(
            "System.Collections.Generic.Dictionary`2[int,System.Collections.Generic.List`1[System.__Canon]][]"));

        Assert.Equal(typeof(Dictionary<int, List<object>>[]), type);
    }

    [Fact]
    public void ResolveType_Primitive_GivesTheRuntimeType()
    {
        Assert.Equal(typeof(byte), s_resolver.ResolveType(JitSummaryParser.ParseType("byte")));
        Assert.Equal(typeof(char[]), s_resolver.ResolveType(JitSummaryParser.ParseType("char[]")));
    }

    [Fact]
    public void ResolveType_GenericDefinitionWithTooManyArguments_GivesNull()
    {
        Assert.Null(s_resolver.ResolveType(JitSummaryParser.ParseType("System.Collections.Generic.List`1[int,int]")));
    }
}

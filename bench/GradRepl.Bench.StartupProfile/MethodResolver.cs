using System.Reflection;

namespace GradRepl.Bench.StartupProfile;

/// <summary>
/// Turns the JIT's method names back into reflection objects, over the assemblies of the built tool and the
/// framework it runs on. Shared-code instantiations (<c>System.__Canon</c>) become instantiations over
/// <c>object</c>: crossgen2 compiles their canonical form, which is the same code.
/// </summary>
internal sealed class MethodResolver
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<string, Type> s_primitives = new()
    {
        ["bool"] = typeof(bool), ["byte"] = typeof(byte), ["ubyte"] = typeof(byte), ["sbyte"] = typeof(sbyte),
        ["char"] = typeof(char), ["short"] = typeof(short), ["ushort"] = typeof(ushort), ["int"] = typeof(int),
        ["uint"] = typeof(uint), ["long"] = typeof(long), ["ulong"] = typeof(ulong), ["float"] = typeof(float),
        ["double"] = typeof(double), ["nint"] = typeof(nint), ["nuint"] = typeof(nuint),
    };

    // Stands for System.__Canon until the generic parameter it fills is known (see Instantiations).
    private sealed class Canon;

    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public MethodResolver(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            foreach (var type in types)
            {
                if (type?.FullName is { } name) _types.TryAdd(name, type);
            }
        }
    }

    /// <summary>The methods the name may denote (overloads the JIT's printing cannot tell apart are all kept).</summary>
    public IReadOnlyList<MethodBase> Resolve(JittedMethod method)
    {
        var owner = ResolveType(method.Type);
        if (owner is null) return [];
        var methodArguments = method.MethodArguments.Select(ResolveType).ToList();
        if (methodArguments.Any(a => a is null)) return [];

        IEnumerable<MethodBase> candidates = method.Name switch
        {
            // Without Static: GetConstructors would return the type initializer too, and a .ctor() line would
            // also profile the .cctor.
            ".ctor" => owner.GetConstructors(Everything & ~BindingFlags.Static),
            ".cctor" => owner.TypeInitializer is { } cctor ? [cctor] : [],
            _ => owner.GetMethods(Everything).Where(m => m.Name == method.Name),
        };

        var result = new List<MethodBase>();
        foreach (var candidate in candidates)
        {
            var parameters = candidate.GetParameters();
            if (parameters.Length != method.Parameters.Count) continue;
            if (!ParametersMatch(parameters, method.Parameters)) continue;
            if (candidate is MethodInfo { IsGenericMethodDefinition: true } generic)
            {
                if (generic.GetGenericArguments().Length != methodArguments.Count) continue;
                if (MakeGenericMethod(generic, methodArguments) is { } instantiated) result.Add(instantiated);
            }
            else if (methodArguments.Count == 0)
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    public Type? ResolveType(TypeName name)
    {
        Type? type;
        if (name.Name == "System.__Canon")
        {
            type = typeof(Canon);
        }
        else if (s_primitives.TryGetValue(name.Name, out var primitive))
        {
            type = primitive;
        }
        else
        {
            var metadataName = name.Name;
            if (!_types.TryGetValue(metadataName, out type)) return null;
            if (name.Arguments.Count > 0)
            {
                var arguments = name.Arguments.Select(ResolveType).ToArray();
                if (arguments.Any(a => a is null) || !type.IsGenericTypeDefinition) return null;
                type = MakeGenericType(type, arguments);
                if (type is null) return null;
            }
        }

        for (var i = 0; i < name.ArrayRank; i++) type = type.MakeArrayType();
        return type;
    }

    /// <summary>
    /// The ways to fill shared (<c>System.__Canon</c>) arguments with reference types that meet their parameters'
    /// constraints: the constraint itself, a class deriving from a constraint that names other type parameters,
    /// or object. Any of them has the same canonical code; the caller keeps the first its constraints accept.
    /// </summary>
    private IEnumerable<Type[]> Instantiations(Type[] parameters, IReadOnlyList<Type?> arguments)
    {
        var choices = new List<Type>[arguments.Count];
        for (var i = 0; i < choices.Length; i++)
        {
            if (arguments[i] != typeof(Canon))
            {
                choices[i] = [arguments[i]!];
                continue;
            }

            var all = parameters[i].GetGenericParameterConstraints();
            choices[i] = all.Where(c => !c.ContainsGenericParameters)
                .Concat(all.Where(c => c.IsClass && c.IsGenericType).SelectMany(DerivedClassesOf))
                .Append(typeof(object))
                .Distinct()
                .ToList();
        }

        return Combinations(choices, 0).Take(256);
    }

    private static IEnumerable<Type[]> Combinations(List<Type>[] choices, int from)
    {
        if (from == choices.Length)
        {
            yield return new Type[choices.Length];
            yield break;
        }

        foreach (var rest in Combinations(choices, from + 1))
        {
            foreach (var choice in choices[from])
            {
                var combination = (Type[])rest.Clone();
                combination[from] = choice;
                yield return combination;
            }
        }
    }

    private Type? MakeGenericType(Type definition, IReadOnlyList<Type?> arguments) =>
        FirstThatFits(definition.GetGenericArguments(), arguments, definition.MakeGenericType);

    private MethodInfo? MakeGenericMethod(MethodInfo definition, IReadOnlyList<Type?> arguments) =>
        FirstThatFits(definition.GetGenericArguments(), arguments, definition.MakeGenericMethod);

    // The first of the instantiations whose arguments meet the parameters' constraints (make throws when they do not).
    private T? FirstThatFits<T>(Type[] parameters, IReadOnlyList<Type?> arguments, Func<Type[], T> make) where T : class
    {
        foreach (var instantiation in Instantiations(parameters, arguments))
        {
            try
            {
                return make(instantiation);
            }
            catch (ArgumentException)
            {
                // A constraint this choice does not meet: try the next.
            }
        }

        return null;
    }

    // A class constraint that names the other type parameters (AbstractFlowPass<TState, TLocalFunctionState>
    // .AbstractLocalFunctionState, say) is met by one of the classes that derive from that generic class.
    private IEnumerable<Type> DerivedClassesOf(Type openConstraint)
    {
        var definition = openConstraint.GetGenericTypeDefinition();
        _derivedClasses ??= _types.Values.Where(t => t is { IsClass: true, ContainsGenericParameters: false })
            .SelectMany(t => BaseTypes(t).Where(b => b.IsGenericType).Select(b => (b.GetGenericTypeDefinition(), t)))
            .ToLookup(pair => pair.Item1, pair => pair.t);
        return _derivedClasses[definition];
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    private ILookup<Type, Type>? _derivedClasses;

    // The JIT prints a parameter's type loosely (a by-ref is just "byref", generic parameters are already
    // substituted), so only the element kind is compared: enough to tell most overloads apart.
    private bool ParametersMatch(ParameterInfo[] parameters, IReadOnlyList<TypeName> printed)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var actual = parameters[i].ParameterType;
            var expected = printed[i];
            if (expected.Name == "byref")
            {
                if (!actual.IsByRef) return false;
                continue;
            }

            if (actual.IsByRef) return false;
            if (s_primitives.TryGetValue(expected.Name, out var primitive) && expected.ArrayRank == 0
                && !actual.IsGenericParameter && !actual.ContainsGenericParameters)
            {
                if (actual != primitive && !(actual.IsEnum && Enum.GetUnderlyingType(actual) == primitive)) return false;
            }
        }

        return true;
    }
}

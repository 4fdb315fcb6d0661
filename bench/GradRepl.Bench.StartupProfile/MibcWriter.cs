using System.Reflection;
using System.Reflection.Emit;

namespace GradRepl.Bench.StartupProfile;

/// <summary>
/// Writes a .mibc profile as crossgen2 reads it (runtime repo, MIbcProfileParser): an assembly whose global method
/// <c>AssemblyDictionary</c> holds <c>ldstr groupName; ldtoken groupMethod; pop</c>, and whose group method holds
/// <c>ldtoken method; pop</c> per profiled method. No weights or call counts: crossgen2 only needs to know which
/// instantiations to precompile.
/// </summary>
internal static class MibcWriter
{
    public static void Write(string path, string groupName, IEnumerable<MethodBase> methods)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(Path.GetFileNameWithoutExtension(path)), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(Path.GetFileName(path));

        var group = module.DefineGlobalMethod("Group0", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        var il = group.GetILGenerator();
        foreach (var method in methods)
        {
            // ILGenerator refuses ldtoken with a constructor; the token itself is what the profile needs.
            var token = method is ConstructorInfo constructor
                ? module.GetMethodMetadataToken(constructor)
                : module.GetMethodMetadataToken((MethodInfo)method);
            il.Emit(OpCodes.Ldtoken, token);
            il.Emit(OpCodes.Pop);
        }

        il.Emit(OpCodes.Ret);

        var dictionary = module.DefineGlobalMethod("AssemblyDictionary", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        var dil = dictionary.GetILGenerator();
        dil.Emit(OpCodes.Ldstr, groupName);
        dil.Emit(OpCodes.Ldtoken, group);
        dil.Emit(OpCodes.Pop);
        dil.Emit(OpCodes.Ret);

        module.CreateGlobalFunctions();
        assembly.Save(path);
    }
}

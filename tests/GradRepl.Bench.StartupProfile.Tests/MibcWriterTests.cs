using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace GradRepl.Bench.StartupProfile.Tests;

public sealed class MibcWriterTests : IDisposable
{
    private const byte Ldstr = 0x72;
    private const byte Ldtoken = 0xD0;
    private const byte Pop = 0x26;
    private const byte Ret = 0x2A;

    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-mibc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly MethodBase[] s_methods =
    [
        typeof(List<int>).GetMethod(nameof(List<>.Add))!,
        typeof(List<object>).GetConstructor(Type.EmptyTypes)!,
        typeof(ImmutableArray).GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.CreateBuilder) && m.GetParameters().Length == 1)
            .MakeGenericMethod(typeof(int)),
    ];

    private string WriteProfile(string groupName, IEnumerable<MethodBase> methods)
    {
        var path = Path.Combine(_directory, "startup.mibc");
        MibcWriter.Write(path, groupName, methods);
        return path;
    }

    /// <summary>The tiny subset of IL the writer emits: (opcode, token or 0).</summary>
    private static List<(byte OpCode, int Token)> Decode(byte[] il)
    {
        var instructions = new List<(byte, int)>();
        for (var i = 0; i < il.Length;)
        {
            var opCode = il[i++];
            switch (opCode)
            {
                case Ldstr or Ldtoken:
                    instructions.Add((opCode, BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(i, 4))));
                    i += 4;
                    break;
                case Pop or Ret:
                    instructions.Add((opCode, 0));
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"unexpected opcode 0x{opCode:X2} at {i - 1}");
            }
        }

        return instructions;
    }

    private sealed class Profile : IDisposable
    {
        private readonly PEReader _pe;

        public Profile(string path)
        {
            _pe = new PEReader(File.OpenRead(path));
            Metadata = _pe.GetMetadataReader();
            var moduleType = Metadata.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(1));
            ModuleTypeName = Metadata.GetString(moduleType.Name);
            Methods = moduleType.GetMethods().ToDictionary(h => Metadata.GetString(Metadata.GetMethodDefinition(h).Name));
        }

        public MetadataReader Metadata { get; }

        public string ModuleTypeName { get; }

        public Dictionary<string, MethodDefinitionHandle> Methods { get; }

        public byte[] IL(MethodDefinitionHandle method) =>
            _pe.GetMethodBody(Metadata.GetMethodDefinition(method).RelativeVirtualAddress).GetILBytes()!;

        public void Dispose() => _pe.Dispose();
    }

    [Fact]
    public void Write_ThreeMethods_GlobalTypeHasAssemblyDictionaryAndGroup0()
    {
        using var profile = new Profile(WriteProfile("System.Private.CoreLib", s_methods));

        Assert.Equal("<Module>", profile.ModuleTypeName);
        Assert.Equal(["AssemblyDictionary", "Group0"], profile.Methods.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_AnyMethods_AssemblyDictionaryLoadsGroupNameThenGroup0Token()
    {
        const string groupName = "System.Private.CoreLib";
        using var profile = new Profile(WriteProfile(groupName, s_methods));

        var il = Decode(profile.IL(profile.Methods["AssemblyDictionary"]));

        Assert.Equal([Ldstr, Ldtoken, Pop, Ret], il.Select(i => i.OpCode));
        var name = profile.Metadata.GetUserString((UserStringHandle)MetadataTokens.Handle(il[0].Token));
        Assert.Equal(groupName, name);
        var group = MetadataTokens.EntityHandle(il[1].Token);
        Assert.Equal(HandleKind.MethodDefinition, group.Kind);
        Assert.Equal(profile.Methods["Group0"], (MethodDefinitionHandle)group);
    }

    [Fact]
    public void Write_ThreeMethods_Group0HasOneLdtokenPopPerMethodThenRet()
    {
        using var profile = new Profile(WriteProfile("System.Private.CoreLib", s_methods));

        var il = Decode(profile.IL(profile.Methods["Group0"]));

        Assert.Equal([Ldtoken, Pop, Ldtoken, Pop, Ldtoken, Pop, Ret], il.Select(i => i.OpCode));
        var kinds = il.Where(i => i.OpCode == Ldtoken).Select(i => MetadataTokens.EntityHandle(i.Token).Kind);
        Assert.Equal([HandleKind.MemberReference, HandleKind.MemberReference, HandleKind.MethodSpecification], kinds);
    }

    [Fact]
    public void Write_ThreeMethods_TokensNameTheMethodsOnGenericInstantiations()
    {
        using var profile = new Profile(WriteProfile("System.Private.CoreLib", s_methods));
        var metadata = profile.Metadata;

        var tokens = Decode(profile.IL(profile.Methods["Group0"])).Where(i => i.OpCode == Ldtoken)
            .Select(i => MetadataTokens.EntityHandle(i.Token)).ToList();

        // List<int>.Add and List<object>..ctor: member references whose parent is a generic instantiation.
        var add = metadata.GetMemberReference((MemberReferenceHandle)tokens[0]);
        Assert.Equal("Add", metadata.GetString(add.Name));
        Assert.Equal(HandleKind.TypeSpecification, add.Parent.Kind);
        var constructor = metadata.GetMemberReference((MemberReferenceHandle)tokens[1]);
        Assert.Equal(".ctor", metadata.GetString(constructor.Name));
        Assert.Equal(HandleKind.TypeSpecification, constructor.Parent.Kind);

        // CreateBuilder<int>: a method specification over CreateBuilder, instantiated with int32.
        var createBuilder = metadata.GetMethodSpecification((MethodSpecificationHandle)tokens[2]);
        Assert.Equal(HandleKind.MemberReference, createBuilder.Method.Kind);
        Assert.Equal("CreateBuilder", metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)createBuilder.Method).Name));
        var instantiation = metadata.GetBlobBytes(createBuilder.Signature);
        Assert.Equal([0x0A, 0x01, (byte)SignatureTypeCode.Int32], instantiation);
    }

    [Fact]
    public void Write_NoMethods_Group0IsJustRet()
    {
        using var profile = new Profile(WriteProfile("System.Private.CoreLib", []));

        Assert.Equal([Ret], Decode(profile.IL(profile.Methods["Group0"])).Select(i => i.OpCode));
    }

    [Fact]
    public void Write_ExistingFile_IsReplaced()
    {
        var path = Path.Combine(_directory, "startup.mibc");
        File.WriteAllText(path, "not a profile, and longer than nothing");

        MibcWriter.Write(path, "System.Private.CoreLib", s_methods);

        using var pe = new PEReader(File.OpenRead(path));
        Assert.True(pe.HasMetadata);
        Assert.Equal("startup", pe.GetMetadataReader().GetString(pe.GetMetadataReader().GetAssemblyDefinition().Name));
    }
}

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Each case of Data/optim.json (Data/generate_optim.py): 20 steps of SGD, Adam, RMSprop and Adagrad, printed and
/// bit for bit; DataLoader batches and their order for several seeds; optimizer and dataset errors, as PyTorch 1.13 gave them.
/// </summary>
public sealed class OptimGoldenTests
{
    public static TheoryData<string> CaseIds => new(AutogradGoldenCase.InFile("optim.json").Keys.Order());

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void OptimCase_RunInEngine_MatchesPyTorch(string id) => AutogradGoldenTests.Check("optim.json", id);

    public static TheoryData<string> GroupCaseIds => new(AutogradGoldenCase.InFile("optim_groups.json").Keys.Order());

    /// <summary>Data/optim_groups.json (Data/generate_optim_groups.py): several parameter groups, add_param_group, state, state_dict.</summary>
    [Theory]
    [MemberData(nameof(GroupCaseIds))]
    public void OptimGroupsCase_RunInEngine_MatchesPyTorch(string id) => AutogradGoldenTests.Check("optim_groups.json", id);
}

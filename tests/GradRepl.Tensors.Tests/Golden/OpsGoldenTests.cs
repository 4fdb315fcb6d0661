namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Each case of Data/ops.json (Data/generate_ops.py): creation, seeded random draws, the ops teaching code uses
/// and torch.nn.functional's losses must print, name nodes, differentiate and fail as PyTorch 1.13 did.
/// </summary>
public sealed class OpsGoldenTests
{
    public static TheoryData<string> CaseIds => new(AutogradGoldenCase.InFile("ops.json").Keys.Order());

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void OpsCase_RunInEngine_MatchesPyTorch(string id) => AutogradGoldenTests.Check("ops.json", id);
}

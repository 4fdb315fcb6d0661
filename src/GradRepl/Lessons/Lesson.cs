namespace GradRepl.Lessons;

/// <summary>A parsed lesson: a title and its steps, with line numbers into the original file (1-based).</summary>
/// <param name="Path">The lesson file.</param>
/// <param name="Title">From the first <c>// # Title</c> line, or null.</param>
/// <param name="Introduction">Narrative lines between the title and the first step.</param>
/// <param name="Steps">The steps, in file order.</param>
internal sealed record Lesson(string Path, string? Title, IReadOnlyList<string> Introduction, IReadOnlyList<LessonStep> Steps)
{
    /// <summary>Every expectation of every step, in file order.</summary>
    public IEnumerable<Expectation> Expectations => Steps.SelectMany(s => s.Expectations);
}

/// <summary>One step: a heading (<c>// ## Title</c>), narrative comment lines, code, expected output, maybe a solution.</summary>
/// <param name="Number">1-based step number (0 for code before the first heading).</param>
/// <param name="Title">The heading's text.</param>
/// <param name="HeadingLine">Line of the <c>// ##</c> heading (0 when the step has none).</param>
/// <param name="StartLine">First line after the heading.</param>
/// <param name="EndLine">Last line of the step.</param>
/// <param name="Narrative">The <c>//</c> comment lines before the step's first code line, without the slashes.</param>
/// <param name="Code">The step's code lines (narrative and expectation lines removed), for stepping.</param>
/// <param name="Expectations">The <c>//&gt;</c> blocks.</param>
/// <param name="Solution">Lines of <c>#region solution</c> .. <c>#endregion</c> (inclusive), or null.</param>
internal sealed record LessonStep(
    int Number,
    string Title,
    int HeadingLine,
    int StartLine,
    int EndLine,
    IReadOnlyList<string> Narrative,
    string Code,
    IReadOnlyList<Expectation> Expectations,
    (int Start, int End)? Solution)
{
    /// <summary>True when the step is an exercise (it carries a solution region).</summary>
    public bool IsExercise => Solution is not null;
}

/// <summary>A block of consecutive <c>//&gt;</c> lines: what the code just above it prints.</summary>
/// <param name="Line">The block's first line.</param>
/// <param name="Lines">Expected output lines (text after <c>//&gt; </c>).</param>
/// <param name="StepNumber">The step it belongs to.</param>
internal sealed record Expectation(int Line, IReadOnlyList<string> Lines, int StepNumber);

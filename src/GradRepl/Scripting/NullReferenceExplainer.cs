using System.Text;
using System.Text.RegularExpressions;

namespace GradRepl.Scripting;

/// <summary>
/// Words a script's <see cref="NullReferenceException"/> as Python would, naming what was null on the failing line:
/// <c>x.grad.zero_()</c> before any backward gives
/// <c>AttributeError: 'NoneType' object has no attribute 'zero_' (x.grad is None)</c>.
/// The exception does not say which value was null, so the line is read: a dereferenced <c>.grad</c>,
/// <c>.grad_fn</c> or <c>.node</c> (the engine's members that are null until autograd fills them) is named first, otherwise the
/// only value dereferenced on the line; with several candidates they are all listed.
/// </summary>
internal static partial class NullReferenceExplainer
{
    // The engine's members that are None until autograd fills them (and next_functions' node for an input that
    // needs no gradient): the likely null on a line that uses them.
    private static readonly string[] s_oftenNone = ["grad", "grad_fn", "node"];

    // Words that start something which is not a variable (new[] {...}, typeof(...), a keyword before a cast ...).
    private static readonly HashSet<string> s_notValues = ["new", "typeof", "nameof", "default", "sizeof", "var", "return", "await", "is", "as", "in", "out", "ref"];

    /// <summary>
    /// The headline for <paramref name="exception"/> when it is a <see cref="NullReferenceException"/> thrown on
    /// <paramref name="sourceLine"/>, or null (other exceptions, or a line that names nothing that could be null).
    /// </summary>
    /// <param name="exception">What the script threw.</param>
    /// <param name="sourceLine">The script's line it was thrown on, if known.</param>
    public static string? Headline(Exception exception, string? sourceLine)
    {
        if (exception is not NullReferenceException || string.IsNullOrWhiteSpace(sourceLine) || ThrownInLibrary(exception)) return null;
        var uses = Dereferences(sourceLine);
        var likely = uses.Where(u => s_oftenNone.Any(m => u.Receiver.EndsWith("." + m, StringComparison.Ordinal))).ToList();
        if (likely.Count == 0) likely = uses;
        var receivers = likely.Select(u => u.Receiver).Distinct().ToList();
        if (receivers.Count == 0) return null;
        if (receivers.Count > 1)
        {
            return $"NullReferenceException: one of these is None (null): {string.Join(", ", receivers)}";
        }

        var use = likely[0];
        var python = use.Member is null
            ? "TypeError: 'NoneType' object is not subscriptable"
            : $"AttributeError: 'NoneType' object has no attribute '{use.Member}'";
        return $"{python} ({use.Receiver} is None)";
    }

    // A null dereferenced inside the engine, the prelude or .NET is not the line's doing: leave that message alone.
    private static bool ThrownInLibrary(Exception exception)
    {
        var (_, method) = ExceptionFrames.WithMethods(exception).FirstOrDefault();
        var name = method?.DeclaringType?.Assembly.GetName().Name;
        return name is not null && (name.StartsWith("GradRepl.", StringComparison.Ordinal) || name == "gradrepl"
            || name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    /// <summary>A value used with <c>.Member</c> (or indexed, Member null) on the line.</summary>
    internal readonly record struct Dereference(string Receiver, string? Member);

    /// <summary>Every dereference on a line of C#, in order: <c>y.grad_fn.name()</c> gives (y, grad_fn), (y.grad_fn, name).</summary>
    internal static List<Dereference> Dereferences(string line)
    {
        var result = new List<Dereference>();
        foreach (var code in CodeParts(line)) ScanChains(code, result);
        return result;
    }

    // The line without comments and string literals, plus the holes of interpolated strings ($"{x.grad}").
    private static IEnumerable<string> CodeParts(string line)
    {
        var code = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/') break;
            if (c == '\'' || c == '"')
            {
                bool interpolated = c == '"' && i > 0 && (line[i - 1] == '$' || (line[i - 1] == '@' && i > 1 && line[i - 2] == '$'));
                int end = i + 1;
                while (end < line.Length && line[end] != c) end += line[end] == '\\' ? 2 : 1;
                if (interpolated)
                {
                    foreach (Match hole in HolePattern().Matches(line[(i + 1)..Math.Min(end, line.Length)])) yield return hole.Groups[1].Value;
                }

                code.Append(' ');
                i = end;
                continue;
            }

            code.Append(c);
        }

        yield return code.ToString();
    }

    // Reads each chain of identifiers, member accesses, calls and indexers, recording the receiver of every
    // '.member' and '[...]'. '?.' and '?[' are null-safe, so what comes before them is not a candidate.
    private static void ScanChains(string code, List<Dereference> result)
    {
        int i = 0;
        while (i < code.Length)
        {
            if (!IsIdentifierStart(code[i]) || (i > 0 && (IsIdentifierPart(code[i - 1]) || code[i - 1] == '.')))
            {
                i++;
                continue;
            }

            int start = i;
            string first = ReadIdentifier(code, ref i);
            // Types (Math.Sqrt, Enumerable.Range), the torch facade and keywords are never null.
            bool candidate = !char.IsUpper(first[0]) && first != "torch" && !s_notValues.Contains(first);
            while (true)
            {
                int j = SkipSpaces(code, i);
                bool nullSafe = j < code.Length && code[j] == '?';
                int k = nullSafe ? j + 1 : j;
                if (k < code.Length && code[k] == '.' && SkipSpaces(code, k + 1) is var m && m < code.Length && IsIdentifierStart(code[m]))
                {
                    var receiver = code[start..i];
                    var member = ReadIdentifier(code, ref m);
                    if (candidate && !nullSafe) result.Add(new Dereference(Compact(receiver), member));
                    i = m;
                    candidate = true;
                }
                else if (k < code.Length && code[k] == '[')
                {
                    if (candidate && !nullSafe) result.Add(new Dereference(Compact(code[start..i]), null));
                    i = SkipBalanced(code, k, '[', ']');
                    candidate = true;
                }
                else if (!nullSafe && j < code.Length && code[j] == '(')
                {
                    i = SkipBalanced(code, j, '(', ')');
                    // A call's arguments are chains of their own.
                    ScanChains(code[(j + 1)..Math.Max(j + 1, i - 1)], result);
                }
                else if (!nullSafe && j < code.Length && code[j] == '!')
                {
                    i = j + 1; // the null-forgiving operator: x.grad!.item() still dereferences x.grad
                }
                else
                {
                    break;
                }
            }
        }
    }

    // As the receiver is shown: without spaces and null-forgiving operators (x.grad! is x.grad).
    private static string Compact(string receiver) => WhitespacePattern().Replace(receiver, "").Replace("!", "", StringComparison.Ordinal);

    private static string ReadIdentifier(string code, ref int i)
    {
        int start = i;
        while (i < code.Length && IsIdentifierPart(code[i])) i++;
        return code[start..i];
    }

    private static int SkipSpaces(string code, int i)
    {
        while (i < code.Length && code[i] == ' ') i++;
        return i;
    }

    // Index just past the bracket matching the one at 'open' (or the end of the line).
    private static int SkipBalanced(string code, int open, char opening, char closing)
    {
        int depth = 0;
        for (int i = open; i < code.Length; i++)
        {
            if (code[i] == opening) depth++;
            else if (code[i] == closing && --depth == 0) return i + 1;
        }

        return code.Length;
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex HolePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

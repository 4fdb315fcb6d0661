namespace GradRepl.Lessons;

/// <summary>The skeleton <c>gradrepl new NAME</c> writes: a title, a step with an expectation, and an exercise.</summary>
internal static class LessonTemplate
{
    /// <summary>The lesson text for <paramref name="name"/>; it passes <c>gradrepl check</c> as written.</summary>
    public static string Create(string name) => $$"""
        // # {{name}}
        // One or two sentences on what this lesson shows. Steps start with "// ## ";
        // comment lines right under a heading are the step's narrative.

        // ## A first derivative
        // y = x² at x = 3: autograd computes dy/dx = 2x = 6.
        var x = tensor(3.0, requires_grad: true);
        var y = x.pow(2);
        y.backward();
        print("dy/dx at x = 3:", x.grad);
        //> dy/dx at x = 3: tensor(6.)

        // ## Exercise: your turn
        // Find the derivative of y = x³ at x = 3. The solution sits in the region below;
        // `gradrepl --step` keeps it hidden until asked, batch runs and `check` run it.
        #region solution
        var x3 = tensor(3.0, requires_grad: true);
        var y3 = x3.pow(3);
        y3.backward();
        print("dy/dx at x = 3:", x3.grad);
        //> dy/dx at x = 3: tensor(27.)
        #endregion

        """;
}

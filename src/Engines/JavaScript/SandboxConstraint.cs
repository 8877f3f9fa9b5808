using System.Runtime.CompilerServices;
using Jint;
using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Engines.JavaScript;

/// <summary>
/// Checked by Jint before every statement. It makes limits final — once one has tripped (say, the
/// output limit inside a caught call) no further statement runs — and it bounds the machine stack a
/// spell may use. Jint's own depth count misses recursion through conversions (<c>toString</c>
/// calling itself via <c>"" + o</c>), which would otherwise overflow the stack and kill the process.
/// </summary>
/// <remarks>
/// Jint spends about 1.7 KiB of machine stack per JavaScript call level, so the budget of 4 KiB per
/// allowed level (at least 8 MiB) never cuts a legal recursion short, and stays far inside the
/// sandbox thread's stack. Jint does not let scripts catch the CLR exceptions a constraint throws.
/// </remarks>
internal sealed unsafe class SandboxConstraint : Constraint
{
    private const long BytesPerLevel = 4 * 1024;
    private const long MinimumStackBytes = 8 * 1024 * 1024;

    private readonly ISpellRun _context;
    private readonly nint _stackBase;
    private readonly long _stackBudget;

    /// <summary>Must be created on the sandbox thread: the stack is measured from here.</summary>
    public SandboxConstraint(ISpellRun context)
    {
        _context = context;
        byte marker = 0;
        _stackBase = (nint)(&marker);
        _stackBudget = Math.Max(MinimumStackBytes, context.Limits.MaxRecursionDepth * BytesPerLevel);
    }

    public override void Check()
    {
        if (_context.TrippedLimit is { } limit)
        {
            throw new SpellException(limit);
        }

        byte marker = 0;
        var used = _stackBase - (nint)(&marker);
        if (used > _stackBudget || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw _context.Trip(new SpellError(SpellErrorCode.RecursionLimit, $"the spell nested calls deeper than {_context.Limits.MaxRecursionDepth}"));
        }
    }

    public override void Reset()
    {
    }
}

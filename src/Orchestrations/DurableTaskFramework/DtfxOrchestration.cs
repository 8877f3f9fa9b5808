using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Runtime;
using Microsoft.Extensions.Logging;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// One execution of a registered orchestrator on DTFx. DTFx makes a new one for every episode and
/// replays history into it: <see cref="Execute"/> starts the code, <see cref="RaiseEvent"/> hands
/// it the raised events in history order.
/// </summary>
internal sealed class DtfxOrchestration(string name, OrchestratorFunction orchestrator, ILoggerFactory loggers) : Dtfx.TaskOrchestration
{
    private readonly ExternalEvents _events = new();
    private DtfxOrchestrationContext? _context;

    public override async Task<string> Execute(Dtfx.OrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.MessageDataConverter = PassThroughDataConverter.Instance;
        _context = new DtfxOrchestrationContext(context, name, input, _events, loggers);
        try
        {
            return (await orchestrator(_context))!;
        }
        catch (Exception e) when (e is not (Dtfx.Exceptions.TaskFailedException or Dtfx.Exceptions.SessionAbortedException))
        {
            throw FailureTranslation.AsRecordedFailure(e, FailureDetails.FromException(e));
        }
    }

    public override void RaiseEvent(Dtfx.OrchestrationContext context, string name, string input) => _events.Deliver(new EventRaised(name, input));

    public override string GetStatus() => _context?.CustomStatus!;
}

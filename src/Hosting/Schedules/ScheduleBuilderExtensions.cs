using LlmSpell.Hosting.Schedules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting;

public static class ScheduleBuilderExtensions
{
    /// <summary>
    /// Starts scheduled spells' workflows from this host's own clock, on its durable engine. Hosts with
    /// a timer of their own (the Functions app) tick <see cref="SpellScheduler"/> themselves instead.
    /// </summary>
    public static LlmSpellBuilder AddScheduleClock(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDurableWorkflows();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ScheduleClock>());
        return builder;
    }
}

using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmSpell.Hosting;

/// <summary>The engines a host runs spells on; a host that adds none gets all three.</summary>
public static class EngineBuilderExtensions
{
    public static LlmSpellBuilder AddLua(this LlmSpellBuilder builder) => builder.AddEngine<LuaEngine>();

    public static LlmSpellBuilder AddJavaScript(this LlmSpellBuilder builder) => builder.AddEngine<JavaScriptEngine>();

    public static LlmSpellBuilder AddTengo(this LlmSpellBuilder builder) => builder.AddEngine<TengoEngine>();

    /// <summary>Any engine: an adapter that binds the spell API to its language.</summary>
    public static LlmSpellBuilder AddEngine<TEngine>(this LlmSpellBuilder builder)
        where TEngine : class, ISpellEngine
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpellEngine, TEngine>());
        return builder;
    }
}

using LlmSpell.Modules;

namespace LlmSpell.Api;

/// <summary>The standard modules: the API contract as this host fills it.</summary>
public static class StandardApi
{
    private static readonly SpellApi StandardModules = new(
    [
        JsonModule.Definition,
        LogModule.Definition,
        StateModule.Definition,
        ArtifactsModule.Definition,
        TimeModule.Definition,
        AsyncModule.Definition,
        EventsModule.Definition,
        LlmModule.Definition,
        ToolsModule.Definition,
        HttpModule.Definition,
        AgentModule.Definition,
        WorkflowModule.Definition,
        SpellsModule.Definition,
    ]);

    extension(SpellApi)
    {
        /// <summary>The modules available to every spell today.</summary>
        public static SpellApi Standard => StandardModules;
    }
}

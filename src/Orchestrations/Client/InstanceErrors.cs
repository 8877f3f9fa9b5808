using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Client;

/// <summary>What every client says when an instance cannot be used as asked, in the same words on every engine.</summary>
internal static class InstanceErrors
{
    public static InvalidOperationException NoSuchInstance(string instanceId) => new($"There is no orchestration instance '{instanceId}'.");

    public static InvalidOperationException NotFinished(string instanceId, OrchestrationStatus status) =>
        new($"Instance '{instanceId}' is {status}; only Completed, Failed or Terminated instances can be purged. Terminate it first.");

    /// <summary>The id a new instance gets: the one asked for, checked, or a new GUID.</summary>
    public static string NewInstanceId(StartOrchestrationOptions? options)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Any(char.IsControl))
        {
            throw new ArgumentException($"'{instanceId}' is not a usable instance id: it must be non-empty text without control characters.", nameof(options));
        }
        return instanceId;
    }
}

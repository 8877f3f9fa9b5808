using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Client;

/// <summary>Waiting for an instance to reach a status, by polling with a growing pause (5 ms up to 250 ms).</summary>
internal static class InstanceWaits
{
    public static async Task<OrchestrationMetadata> UntilAsync(IDurableClient client, string instanceId, Func<OrchestrationStatus, bool> done,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, true, cancellationToken).ConfigureAwait(false)
                ?? throw InstanceErrors.NoSuchInstance(instanceId);
            if (done(instance.Status))
            {
                return instance;
            }
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}

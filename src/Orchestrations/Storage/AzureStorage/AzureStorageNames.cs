using System.Globalization;
using System.Text;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>The names of a task hub's resources, and which control queue an instance belongs to.</summary>
internal sealed class AzureStorageNames
{
    public AzureStorageNames(string taskHub, int partitionCount)
    {
        if (taskHub.Length is < 3 or > 45 || !char.IsAsciiLetter(taskHub[0]) || !taskHub.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{taskHub}' is not a usable task hub name: 3 to 45 letters and digits, starting with a letter.", nameof(taskHub));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, 16);
        var lower = taskHub.ToLowerInvariant();
        InstancesTable = taskHub + "Instances";
        HistoryTable = taskHub + "History";
        WorkItemQueue = lower + "-workitems";
        ControlQueues = Enumerable.Range(0, partitionCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{lower}-control-{i:D2}")).ToArray();
        LargeMessageContainer = lower + "-large";
    }

    public string InstancesTable { get; }

    public string HistoryTable { get; }

    public string WorkItemQueue { get; }

    public IReadOnlyList<string> ControlQueues { get; }

    public string LargeMessageContainer { get; }

    /// <summary>FNV-1a of the instance id picks its control queue, so one instance's messages stay in one queue.</summary>
    public int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return (int)(hash % (uint)ControlQueues.Count);
    }

    /// <summary>Row keys of history rows: the sequence as 16 hex digits, so they sort in order.</summary>
    public static string SequenceKey(int sequence) => sequence.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>The row in each history partition whose ETag guards every write to that history.</summary>
    public const string SentinelKey = "sentinel";
}

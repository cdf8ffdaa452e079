using System.Collections.Concurrent;

namespace TermSync.Silo.Tests.Schema.Probes;

/// <summary>A grain that registers reminders and reports their ticks, for checking the ADO.NET reminder table.</summary>
public interface IReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task<IReadOnlyList<string>> ListAsync();

    Task UnregisterAsync(string reminderName);
}

public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    public Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var reminders = await this.GetReminders();
        return reminders.Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal).ToList();
    }

    public async Task UnregisterAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"Reminder '{reminderName}' is not registered.");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}

/// <summary>Ticks received by <see cref="ReminderGrain"/> in this process, for tests to await.</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> FirstTicks = new();

    /// <summary>Completes when the first tick of the reminder arrives.</summary>
    public static Task WaitForFirstTickAsync(string grainKey, string reminderName) => Get(grainKey, reminderName).Task;

    internal static void Record(string grainKey, string reminderName) => Get(grainKey, reminderName).TrySetResult();

    private static TaskCompletionSource Get(string grainKey, string reminderName) =>
        FirstTicks.GetOrAdd($"{grainKey}/{reminderName}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

using System.Collections.Concurrent;

namespace FinanceBuilder.Web.Data;

/// One gate per key (a proposal being submitted, a content being stored): work on the same key
/// runs one at a time on this node, work on different keys side by side. Gates are never
/// removed — removing one while a waiter holds it would let two runs in — so this keeps one
/// small object per key used since the process started.
public sealed class KeyedGates<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, SemaphoreSlim> gates = new();

    public async Task<T> RunAsync<T>(TKey key, Func<Task<T>> work, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    public Task RunAsync(TKey key, Func<Task> work, CancellationToken ct) =>
        RunAsync(key, async () =>
        {
            await work();
            return true;
        }, ct);
}

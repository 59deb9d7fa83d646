namespace FinanceBuilder.Web.Data;

/// One count of a shared limit: requests of one key (a policy and a network address, stored as
/// a hash) in one fixed window (its start in Unix seconds). Every node adds to the same row, so
/// N nodes allow what one would, not N times it.
public sealed class RateCounter
{
    public string Key { get; set; } = "";
    public long Window { get; set; }
    public int Count { get; set; }
}

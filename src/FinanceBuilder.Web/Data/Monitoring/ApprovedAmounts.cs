using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Monitoring;

/// An amount the funder approved for one instrument, in US dollars (the currency of the Board's
/// decision).
public sealed record ApprovedAmount(FinancialInstrument Instrument, decimal Usd);

/// ApprovalRecord.ApprovedAmounts as stored: [{ "instrument": "Grant", "usd": 12000000 }].
public static class ApprovedAmounts
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<ApprovedAmount> Read(string json) =>
        JsonSerializer.Deserialize<List<ApprovedAmount>>(json, Options) ?? [];

    public static string Write(IEnumerable<ApprovedAmount> amounts) => JsonSerializer.Serialize(amounts.ToList(), Options);
}

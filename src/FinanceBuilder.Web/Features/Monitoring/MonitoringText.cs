using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The words of approval, the monitoring plan and reporting rounds (MonitoringText.resx, .fr.resx).
public static class MonitoringText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Monitoring.MonitoringText");
}

using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Notifications;

public static class NotificationText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Notifications.NotificationText");
}

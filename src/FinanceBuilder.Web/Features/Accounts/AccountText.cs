using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Accounts;

/// The words of the account pages (AccountText.resx, AccountText.fr.resx).
public static class AccountText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Accounts.AccountText");
}

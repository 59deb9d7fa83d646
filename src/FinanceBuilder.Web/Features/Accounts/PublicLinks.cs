using FinanceBuilder.Web.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FinanceBuilder.Web.Features.Accounts;

/// The address links in emails and on the console start with. Never the request's Host header
/// (a forged Host would send password-reset links to another site): FinanceBuilder:PublicUrl
/// when set, else the first address the server listens on.
public sealed class PublicLinks(Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings, IServer server)
{
    public string Base
    {
        get
        {
            var configured = settings.Value.PublicUrl;
            if (!string.IsNullOrWhiteSpace(configured))
                return configured.TrimEnd('/');
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            return address.Replace("//[::]", "//localhost", StringComparison.Ordinal).Replace("//0.0.0.0", "//localhost", StringComparison.Ordinal)
                .Replace("//+", "//localhost", StringComparison.Ordinal).Replace("//*", "//localhost", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    public string To(string path) => Base + path;
}

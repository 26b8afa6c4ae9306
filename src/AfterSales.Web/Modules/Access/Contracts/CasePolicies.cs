namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary>
/// The role gates of the case and order endpoints (403 whatever the record; the record's scope is DataScope's 404).
/// Role names are the case rules' actor roles (<c>AccessRoles.ActorRoleOf</c>): qa_inspector, trainer and
/// provider_manager carry none of them and pass no gate here.
/// </summary>
public static class CasePolicies
{
    /// <summary>Reading and working cases and orders: the roles the case rules know.</summary>
    public const string Work = "cases.work";

    /// <summary>Filing a request: the consumer, staff taking it by phone or chat, the platform's systems. Not the merchant it is against.</summary>
    public const string Open = "cases.open";

    /// <summary>The platform's own systems and admins: orders pushed in, refund results, the test clock.</summary>
    public const string Platform = "cases.platform";

    /// <summary>Shop policies and their history: staff, and merchants for their own shops' scopes.</summary>
    public const string ReadPolicies = "policies.read";

    /// <summary>Rating a finished case: the consumer it served, nobody on their behalf (DataScope narrows it to their own).</summary>
    public const string Rate = "cases.rate";

    public static IServiceCollection AddCasePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Work, p => p.RequireRole("consumer", "merchant", "agent", "supervisor", "platform"))
            .AddPolicy(Open, p => p.RequireRole("consumer", "agent", "supervisor", "platform"))
            .AddPolicy(Platform, p => p.RequireRole("platform"))
            .AddPolicy(Rate, p => p.RequireRole("consumer"))
            .AddPolicy(ReadPolicies, p => p.RequireRole("merchant", "agent", "supervisor", "platform"));
        return services;
    }
}

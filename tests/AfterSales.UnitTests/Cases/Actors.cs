using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

/// <summary>One actor per role; the payment system answers as the platform's integration key.</summary>
internal static class Actors
{
    public static readonly Actor Consumer = new("consumer-1", ActorRole.Consumer);
    public static readonly Actor Merchant = new("merchant-1", ActorRole.Merchant);
    public static readonly Actor Agent = new("agent-1", ActorRole.Agent);
    public static readonly Actor Supervisor = new("supervisor-1", ActorRole.Supervisor);
    public static readonly Actor Platform = new("platform", ActorRole.Platform);
    public static readonly Actor PaymentSystem = new("payment-system", ActorRole.Platform);

    public static Actor Of(ActorRole role) => role switch
    {
        ActorRole.Consumer => Consumer,
        ActorRole.Merchant => Merchant,
        ActorRole.Agent => Agent,
        ActorRole.Supervisor => Supervisor,
        ActorRole.Platform => Platform,
        ActorRole.System => Actor.System,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

using System.Text.Json;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// An integration event written in the same transaction as the change it reports (the outbox pattern):
/// it exists if and only if the change committed. Delivery (webhooks, payment system) reads this table.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public string AggregateId { get; private set; } = "";
    public string PayloadJson { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }

    public static OutboxMessage For(string type, Case c, DateTimeOffset now, object payload) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = type,
        AggregateId = c.CaseNo,
        PayloadJson = JsonSerializer.Serialize(payload, Json.Options),
        OccurredAt = now,
    };
}

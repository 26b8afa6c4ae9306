namespace AfterSales.Web.SharedKernel;

/// <summary>An aggregate that raises outbox messages; the context saves them with it, in the same transaction.</summary>
public interface IOutboxSource
{
    IEnumerable<object> DequeueOutbox();
}

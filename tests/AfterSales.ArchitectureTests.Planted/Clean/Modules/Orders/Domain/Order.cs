using Clean.SharedKernel;

namespace Clean.Modules.Orders.Domain;

/// <summary>A module's domain type may use the shared kernel, which is below every module.</summary>
public sealed class Order
{
    public string Id { get; set; } = "";
    public string BuyerId { get; set; } = "";
    public Money Total { get; set; } = new(0m, "CNY");
}

using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using static AfterSales.Web.Modules.Cases.Domain.SlaMetrics;

namespace AfterSales.UnitTests.ServiceStandards;

/// <summary>Which target measures a case: explicit precedence type › priority › channel, wildcards match anything.</summary>
public sealed class SlaPolicyMatchTests
{
    private static readonly SlaPolicy Policy = new("p", new SlaPolicyBody("p", "cn", 0.75m, [],
    [
        new(FirstResponse, null, null, null, 240),
        new(FirstResponse, null, null, "phone", 200),
        new(FirstResponse, null, "urgent", null, 60),
        new(FirstResponse, null, "urgent", "phone", 30),
        new(FirstResponse, CaseType.Complaint, null, null, 120),
        new(FirstResponse, CaseType.Complaint, "urgent", null, 20),
        new(Resolution, CaseType.Repair, null, null, 9600),
    ], []), 1, "t", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(CaseType.RefundOnly, "normal", "web", FirstResponse, 240)]
    [InlineData(CaseType.RefundOnly, "normal", "phone", FirstResponse, 200)]
    [InlineData(CaseType.RefundOnly, "urgent", "web", FirstResponse, 60)]
    [InlineData(CaseType.RefundOnly, "urgent", "phone", FirstResponse, 30)]
    [InlineData(CaseType.Complaint, "normal", "phone", FirstResponse, 120)] // type beats channel
    [InlineData(CaseType.Complaint, "high", "web", FirstResponse, 120)]
    [InlineData(CaseType.Complaint, "urgent", "phone", FirstResponse, 20)] // type+priority beats priority+channel
    [InlineData(CaseType.Repair, "normal", "web", Resolution, 9600)]
    public void TheMostSpecificTargetWins(CaseType type, string priority, string channel, string metric, int minutes) =>
        Assert.Equal(minutes, Policy.Match(metric, type, priority, channel)?.Minutes);

    [Fact]
    public void NoTarget_NoClock() => Assert.Null(Policy.Match(Resolution, CaseType.Exchange, "normal", "web"));
}

using System.Globalization;
using System.Resources;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;

namespace AfterSales.Web.Modules.Policies.Contracts;

public sealed record DecidedByView(string Rule, string Source, string? SourceKey);

public sealed record ReasonView(string Rule, string Outcome, string Source, string Message, IReadOnlyDictionary<string, string> Messages, string? SourceKey);

public sealed record EligibilityView(
    bool Eligible, DecidedByView DecidedBy, IReadOnlyList<ReasonView> Reasons, DateTimeOffset? Deadline, string ReturnShippingPaidBy,
    decimal MaxRefund, IReadOnlyList<string> RequiredEvidence, string PolicyVersion);

/// <summary><c>POST /api/v1/eligibility</c>: asking is free, it changes nothing. Case creation asks the same question.</summary>
/// <summary>The eligibility question asked of the policies in force; Cases asks it when a case opens and when a consumer asks first.</summary>
public static class EligibilityCheck
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Eligibility", typeof(EligibilityCheck).Assembly);
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en-US");

/// <summary>
    /// Each line is judged under the policy of its own category (platform → category → shop). A request covering
    /// lines of several categories used to be judged wholly under the first line's category, so the same question
    /// with its lines in another order got another answer. The case keeps the first line's settings for its
    /// timeouts; its version names every scope that judged a line. Days the law counts in 工作日 (the 三包 warranty
    /// end) come from <paramref name="workingDays"/>: the legal calendar, with statutory holidays and make-up days.
    /// </summary>
    public static async Task<(EligibilityDecision, EffectivePolicy)> DecideAsync(AfterSalesDbContext db, IWorkingDays workingDays, Order order, CaseType type,
        CaseReason reason, IReadOnlyList<EligibilityLine> lines, DateTimeOffset at, CancellationToken ct)
    {
        var groups = lines.GroupBy(l => order.Line(l.LineNo)?.Category).Select(g => (Category: g.Key, Lines: g.ToList())).ToList();
        if (groups.Count == 0) groups.Add((null, []));
        var decisions = new List<EligibilityDecision>();
        var policies = new List<EffectivePolicy>();
        foreach (var (category, groupLines) in groups)
        {
            var policy = await PolicyResolver.ResolveAsync(db, order.ShopId, category, ct);
            var engine = new Eligibility(policy.Settings, workingDays, PlatformTime.Zone);
            var question = new EligibilityQuestion(order, type, reason,
                groupLines, at);
            decisions.Add(engine.Decide(question));
            policies.Add(policy);
        }
        return (EligibilityDecision.Merge(decisions), new EffectivePolicy(policies[0].Settings, PolicyResolver.CombineVersions(policies)));
    }

    public static EligibilityView View(EligibilityDecision d, EffectivePolicy policy) => new(
        d.Eligible, new DecidedByView(d.DecidedBy.Rule, d.DecidedBy.Source, LegalSources.KeyOf(d.DecidedBy.Source)), d.Reasons.Select(Reason).ToList(), d.Deadline,
        d.ReturnShippingPaidBy, Money.Normalize(d.MaxRefund), d.RequiredEvidence, policy.Version);

    private static ReasonView Reason(RuleResult r)
    {
        var zh = Text(r, Zh);
        var en = Text(r, En);
        var current = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? en : zh;
        return new ReasonView(r.Rule, r.Outcome.ToString().ToLowerInvariant(), r.Source, current,
            new Dictionary<string, string> { ["zh-CN"] = zh, ["en-US"] = en }, LegalSources.KeyOf(r.Source));
    }

    private static string Text(RuleResult r, CultureInfo culture) =>
        string.Format(culture, Texts.GetString(r.MessageKey, culture) ?? r.MessageKey, [.. r.Args]);
}

/// <summary>The working days the law counts in (工作日), answered by the calendars (ServiceStandards).</summary>
public interface ILegalWorkingDays
{
    Task<IWorkingDays> GetAsync(AfterSalesDbContext db, CancellationToken ct);
}

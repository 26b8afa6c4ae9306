using System.Globalization;
using System.Resources;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using AfterSales.Web.Modules.ServiceStandards.Calendars;
using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Policies.Features;

public sealed record EligibilityRequest(string? OrderNo, string? Type, string? Reason, List<CaseLineRequest>? Lines, string? At);

/// <summary><c>source</c> is the bilingual text of the contract; <c>sourceKey</c> names it for a localized rendering.</summary>
public sealed record DecidedByView(string Rule, string Source, string? SourceKey);

public sealed record ReasonView(string Rule, string Outcome, string Source, string Message, IReadOnlyDictionary<string, string> Messages, string? SourceKey);

public sealed record EligibilityView(
    bool Eligible, DecidedByView DecidedBy, IReadOnlyList<ReasonView> Reasons, DateTimeOffset? Deadline, string ReturnShippingPaidBy,
    decimal MaxRefund, IReadOnlyList<string> RequiredEvidence, string PolicyVersion);

/// <summary><c>POST /api/v1/eligibility</c>: asking is free, it changes nothing. Case creation asks the same question.</summary>
public static class CheckEligibility
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Eligibility", typeof(CheckEligibility).Assembly);
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en-US");

    public static async Task<Ok<EligibilityView>> HandleAsync(EligibilityRequest? body, HttpContext http, AfterSalesDbContext db, TimeProvider clock,
        LegalCalendar legal, CancellationToken ct)
    {
        // One code for every bad field of the question, `at` included (it used to answer case.invalid for some
        // fields and validation.failed for `at`, and `at` only once the others were right).
        DateTimeOffset? at = null;
        var (orderNo, type, reason, lines) = OpenCase.Validate(
            body is null ? null : new OpenCaseRequest(body.OrderNo, body.Type, body.Reason, body.Lines, null, null, null, null),
            "eligibility.invalid", e => at = Orders.Features.OrderValidator.Time(e, "at", body!.At, required: false));
        at ??= clock.GetUtcNow();
        var order = await (await Access.Features.DataScope.OfAsync(http, db, ct)).Orders(db.Orders.AsNoTracking())
            .FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct) ?? throw new DomainException("order.not_found");
        var caseLines = await OpenCase.CoverAsync(db, order, type, lines, ct);
        var (decision, policy) = await DecideAsync(db, await legal.GetAsync(db, ct), order, type, reason, caseLines, at.Value, ct);
        return TypedResults.Ok(View(decision, policy));
    }

    /// <summary>
    /// Each line is judged under the policy of its own category (platform → category → shop). A request covering
    /// lines of several categories used to be judged wholly under the first line's category, so the same question
    /// with its lines in another order got another answer. The case keeps the first line's settings for its
    /// timeouts; its version names every scope that judged a line. Days the law counts in 工作日 (the 三包 warranty
    /// end) come from <paramref name="workingDays"/>: the legal calendar, with statutory holidays and make-up days.
    /// </summary>
    public static async Task<(EligibilityDecision, EffectivePolicy)> DecideAsync(AfterSalesDbContext db, IWorkingDays workingDays, Order order, CaseType type,
        CaseReason reason, IReadOnlyList<CaseLine> lines, DateTimeOffset at, CancellationToken ct)
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
                groupLines.Select(l => new EligibilityLine(l.LineNo, l.Quantity, l.MaxRefund)).ToList(), at);
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

using AfterSales.Web.Modules.Policies.Contracts;
using AfterSales.Web.Modules.Policies.Domain;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Policy scopes (platform, shop:…, category:…) with their versions, and a form that saves a new version of one scope
/// through <c>PUT /api/v1/policies/{scope}</c>'s use case. The legal floor beside each field is
/// <see cref="PolicyOverride.LegalFloors"/>, the table the check itself uses.
/// </summary>
public sealed class PoliciesModel(PolicyAdmin policies, IStringLocalizer<AdminUi> a, Web.DisplayNames names) : AdminPageModel
{
    /// <summary>The whole-number fields of an override, by wire name, in the order of the form.</summary>
    public static readonly string[] DayFields =
        ["noReasonDays", "qualityReturnDays", "qualityExchangeDays", "merchantAnswerHours", "returnWaybillDays", "receiptConfirmDays",
         "appealDays", "replacementConfirmDays", "closeAfterDays"];

    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    [BindProperty] public string? PaidBy { get; set; }
    [BindProperty] public List<string> Waived { get; set; } = [];

    public List<PolicyView> Scopes { get; private set; } = [];
    public List<PolicyView> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The form starts from the scope's newest version, so saving unchanged repeats it.
        if (Versions.LastOrDefault()?.Settings is { } s)
        {
            Values = DayFields.ToDictionary(f => f, f => Get(s, f)?.ToString());
            PaidBy = s.NoReasonReturnShippingPaidBy;
            Waived = [.. s.WaivedExclusions ?? []];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var e = new SharedKernel.FieldErrors();
        int? N(string field)
        {
            var text = Values.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
            e.Add(field, a["Pol.NotANumber"]);
            return null;
        }
        var body = new PolicyOverride(N("noReasonDays"), N("qualityReturnDays"), N("qualityExchangeDays"),
            string.IsNullOrEmpty(PaidBy) ? null : PaidBy, N("merchantAnswerHours"), N("returnWaybillDays"), N("receiptConfirmDays"),
            N("appealDays"), N("replacementConfirmDays"), N("closeAfterDays"), Waived.Count == 0 ? null : Waived);
        var ok = await TryAsync(() =>
        {
            e.ThrowIfAny("policy.invalid");
            return policies.PutAsync(Scope?.Trim() ?? "", body, HttpContext, ct);
        });
        if (ok) return Done(string.Format(a["Pol.Saved"], await SavedNameAsync(Scope!.Trim(), ct)), "/admin/policies?scope=" + Uri.EscapeDataString(Scope!.Trim()));
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<string> SavedNameAsync(string scope, CancellationToken ct)
    {
        if (scope.StartsWith("shop:", StringComparison.Ordinal)) await names.PrepareAsync(shops: [scope[5..]], ct: ct);
        return ScopeName(scope);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scopes = await policies.ListAsync(HttpContext, ct);
        Scope ??= "platform";
        if (Scopes.Any(s => s.Scope == Scope))
            Versions = await policies.VersionsAsync(Scope, HttpContext, ct);
        await names.PrepareAsync(people: [.. Scopes.Select(s => s.CreatedBy), .. Versions.Select(v => v.CreatedBy)],
            shops: Scopes.Select(s => s.Scope).Append(Scope).Where(s => s.StartsWith("shop:", StringComparison.Ordinal)).Select(s => s[5..]), ct: ct);
    }

    /// <summary>A scope as a person reads it: 平台 / 店铺 简衣服饰 / 类目 apparel.</summary>
    public string ScopeName(string scope) =>
        scope == "platform" ? a["Pol.ScopePlatform"]
        : scope.StartsWith("shop:", StringComparison.Ordinal) ? string.Format(a["Pol.ScopeShop"], names.Shop(scope[5..]))
        : scope.StartsWith("category:", StringComparison.Ordinal) ? string.Format(a["Pol.ScopeCategory"], scope[9..])
        : scope;

    /// <summary>Who saved a version: their name, not their user id.</summary>
    public string Person(string id) => names.Person(id);

    /// <summary>The fields a version sets, each as "label: value" in words (days, who pays, the waived exclusions by name).</summary>
    public IEnumerable<string> Described(PolicyOverride s)
    {
        foreach (var f in DayFields)
            if (Get(s, f) is { } n) yield return $"{a["Pol.Field." + f]}: {n}";
        if (s.NoReasonReturnShippingPaidBy is { } p)
            yield return $"{a["Pol.Field.noReasonReturnShippingPaidBy"]}: {Named(a, "Pol.PaidBy.", p)}";
        if (s.WaivedExclusions is { Count: > 0 } w)
            yield return $"{a["Pol.Field.waivedExclusions"]}: {string.Join(", ", w.Select(x => Named(a, "Pol.Flag.", x)))}";
    }

    public static int? Get(PolicyOverride s, string field) => field switch
    {
        "noReasonDays" => s.NoReasonDays,
        "qualityReturnDays" => s.QualityReturnDays,
        "qualityExchangeDays" => s.QualityExchangeDays,
        "merchantAnswerHours" => s.MerchantAnswerHours,
        "returnWaybillDays" => s.ReturnWaybillDays,
        "receiptConfirmDays" => s.ReceiptConfirmDays,
        "appealDays" => s.AppealDays,
        "replacementConfirmDays" => s.ReplacementConfirmDays,
        "closeAfterDays" => s.CloseAfterDays,
        _ => null,
    };
}

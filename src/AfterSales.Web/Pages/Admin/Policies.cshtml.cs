using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using AfterSales.Web.Modules.Policies.Features;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Policy scopes (platform, shop:…, category:…) with their versions, and a form that saves a new version of one scope
/// through <c>PUT /api/v1/policies/{scope}</c>'s use case. The legal floor beside each field is
/// <see cref="PolicyOverride.LegalFloors"/>, the table the check itself uses.
/// </summary>
public sealed class PoliciesModel(AfterSalesDbContext db, TimeProvider clock, IStringLocalizer<AdminUi> a) : AdminPageModel
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
            return PolicyEndpoints.PutAsync(Scope?.Trim() ?? "", body, HttpContext, db, clock, ct);
        });
        if (ok) return Done(string.Format(a["Pol.Saved"], Scope?.Trim()), "/admin/policies?scope=" + Uri.EscapeDataString(Scope!.Trim()));
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scopes = (await PolicyEndpoints.ListAsync(HttpContext, db, ct)).Value!;
        Scope ??= "platform";
        if (Scopes.Any(s => s.Scope == Scope))
            Versions = (await PolicyEndpoints.VersionsAsync(Scope, HttpContext, db, ct)).Value!;
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

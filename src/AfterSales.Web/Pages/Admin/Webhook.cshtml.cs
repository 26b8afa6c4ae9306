using AfterSales.Web.Modules.Integration.Contracts;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// One subscription: its deliveries (newest first, filtered by status in the URL, keyset paged), redeliver, rotate
/// the secret and delete (after a confirmation) — each the API's own use case.
/// </summary>
public sealed class WebhookModel(WebhookAdmin webhooks, IStringLocalizer<AdminUi> a)
    : AdminPageModel
{
    public static readonly string[] Statuses = [WebhookDelivery.Pending, WebhookDelivery.Delivered, WebhookDelivery.Dead];

    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public bool Delete { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public double? OverlapHours { get; set; }
    [BindProperty] public long DeliveryId { get; set; }

    public WebhookView? Hook { get; private set; }
    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public double DefaultOverlapHours => webhooks.DefaultOverlapHours;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Hook is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRedeliverAsync(CancellationToken ct)
    {
        if (await TryAsync(() => webhooks.RedeliverAsync(DeliveryId, ct)))
            return Done(string.Format(a["Hooks.Redelivered"], DeliveryId), Here());
        return await AgainAsync(ct);
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        var ok = await TryAsync(() => webhooks.RotateAsync(Id, new RotateSecretRequest(Secret, OverlapHours), ct));
        Secret = null;
        return ok ? Done(a["Hooks.Rotated.Done"], Here()) : await AgainAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await TryAsync(() => webhooks.DeleteAsync(Id, ct))) return Done(a["Hooks.Deleted"], "/admin/webhooks");
        return await AgainAsync(ct);
    }

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Hook is null ? NotFound() : Page();
    }

    private string Here() => $"/admin/webhooks/{Id}" + (Status is null ? "" : "?status=" + Uri.EscapeDataString(Status));

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!await TryAsync(async () => Hook = await webhooks.GetAsync(Id, ct))) return;
        var status = Status is null || Statuses.Contains(Status) ? Status : null;
        await TryAsync(async () =>
        {
            var page = await webhooks.DeliveriesAsync(Id, status, 50, Cursor, ct);
            Deliveries = page.Items;
            NextCursor = page.NextCursor;
        });
    }
}

using AfterSales.Web.Modules.Integration.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>Webhook subscriptions through <c>/api/v1/webhooks</c>' use cases: the list and the create form.</summary>
public sealed class WebhooksModel(WebhookAdmin webhooks, IStringLocalizer<AdminUi> a) : AdminPageModel
{
    [BindProperty] public string? TargetUrl { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [];
    [BindProperty] public string? Secret { get; set; }

    public IReadOnlyList<WebhookView> Hooks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        WebhookView? created = null;
        var ok = await TryAsync(async () =>
            created = await webhooks.CreateAsync(new CreateWebhookRequest(TargetUrl, [.. Events], Secret), HttpContext, ct));
        Secret = null; // the secret is never shown again, not even back in the form
        if (ok) return Done(string.Format(a["Hooks.Created"], created!.Url), $"/admin/webhooks/{created.WebhookId}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Hooks = await webhooks.ListAsync(ct);
}

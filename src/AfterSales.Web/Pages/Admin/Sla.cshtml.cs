using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Pages.Admin;

/// <summary>Every SLA policy (<c>GET /api/v1/sla-policies</c>' use case), each opening on its targets and edit form.</summary>
public sealed class SlaModel(SlaAdmin sla) : AdminPageModel
{
    public IReadOnlyList<SlaPolicyView> Policies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Policies = await sla.ListAsync(ct);
}

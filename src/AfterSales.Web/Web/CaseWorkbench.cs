using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Orders.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Web;

/// <summary>Everything a case page shows, read through the same use cases (and scope) as the API.</summary>
public sealed record CaseDetail(CaseView Case, IReadOnlyList<TimelineView> Timeline, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<ActionOption> Actions, OrderView? Order);

/// <summary>
/// The web UI's door to cases: it calls the API's own handlers in-process with the page's HttpContext, so the pages
/// offer exactly the actions <c>GET …/actions</c> offers, apply the same rules, scope and If-Match, and duplicate
/// nothing. The recipient is masked on every page except for its owner (a page view is not an audited whole read).
/// </summary>
public sealed class CaseWorkbench(AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, IOptions<AttachmentOptions> attachments)
{
    public async Task<CaseDetail> LoadAsync(HttpContext http, string caseNo, CancellationToken ct)
    {
        var scope = await DataScope.OfAsync(http, db, ct);
        var c = CaseView.From(await CaseAccess.LoadAsync(db, caseNo, scope, ct, track: false));
        var timeline = (await QueryCases.TimelineAsync(caseNo, http, db, ct)).Value!;
        var messages = (await Messages.ListAsync(caseNo, http, db, ct)).Value!;
        var files = (await Attachments.ListAsync(caseNo, http, db, ct)).Value!;
        var actions = (await QueryCases.ActionsAsync(caseNo, http, db, ct)).Value!;
        var order = await scope.Orders(db.Orders.AsNoTracking()).FirstOrDefaultAsync(o => o.OrderNo == c.OrderNo, ct);
        var orderView = order is null ? null
            : OrderView.From(order, masked: RecipientMask.ReaderOf(http.User, order) != RecipientMask.Reader.Owner);
        return new CaseDetail(c, timeline, messages, files, actions, orderView);
    }

    /// <summary>Takes an action as the signed-in person; <paramref name="version"/> is the version the page showed (If-Match).</summary>
    public async Task<CaseView> ActAsync(HttpContext http, string caseNo, string action, ActionRequest body, int version, CancellationToken ct)
    {
        http.Request.Headers.IfMatch = $"\"{version}\"";
        return (await PerformAction.HandleAsync(caseNo, action, body, http, db, clock, hooks, ct)).Value!;
    }

    public async Task PostMessageAsync(HttpContext http, string caseNo, string? body, bool isInternal, CancellationToken ct) =>
        await Messages.PostAsync(caseNo, new PostMessageRequest(body, isInternal), http, db, clock, hooks, ct);

    public async Task UploadAsync(HttpContext http, string caseNo, IFormFile? file, CancellationToken ct) =>
        await Attachments.PostAsync(caseNo, file, http, db, clock, attachments, ct);
}

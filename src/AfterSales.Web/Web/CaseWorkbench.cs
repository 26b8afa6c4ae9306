using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Web;

/// <summary>Everything a case page shows, read through the same use cases (and scope) as the API.</summary>
public sealed record CaseDetail(CaseView Case, IReadOnlyList<TimelineView> Timeline, IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<ActionOption> Actions, OrderView? Order);

/// <summary>
/// The web UI's door to cases: it reads and changes them through the Cases module's contracts (<see cref="CaseQueries"/>,
/// <see cref="CaseCommands"/>), which run the API's own use cases, so the pages offer exactly the actions
/// <c>GET …/actions</c> offers, apply the same rules and scope, and duplicate nothing. The version a page showed is
/// passed as an argument. The recipient is masked on every page except for its owner (a page view is not an audited
/// whole read).
/// </summary>
public sealed class CaseWorkbench(CaseQueries queries, CaseCommands commands, OrderQueries orders)
{
    public async Task<CaseDetail> LoadAsync(HttpContext http, string caseNo, CancellationToken ct)
    {
        var file = await queries.FileAsync(http, caseNo, ct);
        var order = await orders.ViewAsync(http, file.Case.OrderNo, ct);
        return new CaseDetail(file.Case, file.Timeline, file.Messages, file.Attachments, file.Actions, order);
    }

    /// <summary>Takes an action as the signed-in person; <paramref name="version"/> is the version the page showed.</summary>
    public Task<CaseView> ActAsync(HttpContext http, string caseNo, string action, ActionRequest body, int version, CancellationToken ct) =>
        commands.ActAsync(http, caseNo, action, body, version, ct);

    public Task PostMessageAsync(HttpContext http, string caseNo, string? body, bool isInternal, NoteAudience? audience, CancellationToken ct) =>
        commands.PostMessageAsync(http, caseNo, body, isInternal, audience, ct);

    public Task UploadAsync(HttpContext http, string caseNo, IFormFile? file, CancellationToken ct) =>
        commands.UploadAsync(http, caseNo, file, ct);
}

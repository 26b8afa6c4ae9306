using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Audit.Features;
using AfterSales.Web.Modules.Retention.Features;
using AfterSales.Web.Modules.Cases.Automation;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Policies.Features;
using AfterSales.Web.Modules.Demo.Features;
using AfterSales.Web.Modules.Orders.Features;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using AfterSales.Web.Modules.Routing.Features;
using AfterSales.Web.Modules.Shops.Features;
using AfterSales.Web.Modules.Reporting.Features;
using AfterSales.Web.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Hosting.Idempotency;
using AfterSales.Web.Modules.Integration.Webhooks;
using AfterSales.Web.Modules.ServiceStandards.Sla;
using AfterSales.Web.Modules.ServiceStandards.Calendars;
using AfterSales.Web.Web;
using Scalar.AspNetCore;
using AfterSales.Web.Modules.Access.Contracts;

if (args.Length > 0 && args[0] == "seed")
    return await SeedCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "audit-verify")
    return await AuditVerifyCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] is AccessCommands.CreateAdmin or AccessCommands.CreateKey)
    return await AccessCommands.RunAsync(args[0], args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddAfterSalesHosting();
builder.Services.AddAfterSalesDatabase(builder.Configuration);
builder.Services.AddAccess(builder.Configuration);
builder.Services.AddCases(builder.Configuration);
builder.Services.AddScoped<CaseWorkbench>();
builder.Services.AddScoped<DisplayNames>();
builder.Services.AddOrders();
builder.Services.AddPolicies();
builder.Services.AddCookieAntiforgery();
builder.Services.AddUiPolicies();
builder.Services.AddRazorPages(o =>
{
    foreach (var area in UiRoles.Areas) o.Conventions.AuthorizeFolder(area.Folder, area.Policy);
});
builder.Services.AddCaseRouting();
builder.Services.AddAutomation(builder.Configuration);
builder.Services.AddSla(builder.Configuration);
builder.Services.AddCalendars(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddShops();
builder.Services.AddDemo(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddReporting();

var app = builder.Build();
app.UseAfterSalesHosting();
if (string.IsNullOrEmpty(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegrationOptions>>().Value.ApiKey))
    app.Logger.LogWarning("AfterSales:Integration:ApiKey is not set: only users and managed keys can sign in (create the first admin with the create-admin verb).");

var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAccess();
api.MapOrders();
api.MapCases();
api.MapPolicies();
api.MapShops();
api.MapSla();
api.MapCaseRouting();
api.MapCalendarEndpoints();
api.MapWebhooks();
api.MapAudit();
api.MapRetention();
api.MapAutomation(app.Services);
app.MapAfterSalesOperations();
app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", o => o.WithTitle("AfterSales API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

await DatabaseSetup.MigrateAsync(app.Services);
await IdempotencyMiddleware.ReleaseAbandonedClaimsAsync(app.Services);
await AccessRoleSeed.EnsureRolesAsync(app.Services);
await SlaSetup.SeedDefaultsAsync(app.Services);
await DemoSeeder.SeedIfWantedAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) app.Logger.LogInformation("AfterSales is listening on {Url} (API reference: {Url}/docs)", url, url);
});
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;

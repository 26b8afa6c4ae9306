using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Web.Modules.Cases.Automation;

internal sealed class ClockOptions
{
    public const string Section = "AfterSales:Clock";

    /// <summary>Enables the black-box test clock (API.md): time moves only when told to.</summary>
    public bool Manual { get; set; }

    /// <summary>Where the manual clock starts; default: the real time at start-up.</summary>
    public DateTimeOffset? Start { get; set; }
}

/// <summary>The service's <see cref="TimeProvider"/> made controllable; everything that tells time reads it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    // Whole milliseconds, like StorableClock: the finest instant both engines store exactly.
    private long _ticks = start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMillisecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

internal sealed record AdvanceClockRequest(int? Minutes);

internal sealed record ClockView(DateTimeOffset Now, int StepsRun);

internal static class TestClockEndpoints
{
    /// <summary>Mapped only with <c>AfterSales:Clock:Manual=true</c>; otherwise the route does not exist (404).</summary>
    public static RouteGroupBuilder MapTestClock(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/test-clock").WithTags("Test clock").RequireAuthorization(Access.Contracts.CasePolicies.Platform);
        group.MapGet("/", (TimeProvider clock) => TypedResults.Ok(new ClockView(clock.GetUtcNow(), 0))).WithName("GetTestClock");
        group.MapPost("/advance", AdvanceAsync).WithName("AdvanceTestClock")
            .WithSummary("Move the service's time forward by `minutes` and run every automatic step that came due.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<ClockView>> AdvanceAsync(AdvanceClockRequest? body, TimeProvider clock, DueStepRunner runner, CancellationToken ct)
    {
        if (body?.Minutes is not (>= 0 and <= 60 * 24 * 366))
            throw new SharedKernel.ValidationFailedException(new Dictionary<string, string[]> { ["minutes"] = ["0 to 527040"] });
        ((ManualClock)clock).Advance(TimeSpan.FromMinutes(body.Minutes.Value));
        var ran = await runner.RunDueAsync(ct);
        return TypedResults.Ok(new ClockView(clock.GetUtcNow(), ran));
    }
}

using System.Collections.Concurrent;
using System.Globalization;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>
/// Several clients, each walking one order after another through a chain — push the order, open a case with a key,
/// then some of the case's actions with keys, up to the payment system's refund result — until the service is
/// SIGKILLed once <c>killAfter</c> requests have been answered. Every request is journaled before it is sent.
/// A chain takes its next step only after the previous one was answered, so an unanswered request is always the
/// last of its chain.
/// </summary>
public sealed class CrashLoad
{
    private static readonly Step[] RefundOnlySteps = [Step.Agree, Step.RefundResult];
    private static readonly Step[] ReturnRefundSteps = [Step.Agree, Step.ShipReturn, Step.ConfirmReceipt, Step.Inspect, Step.RefundResult];

    private readonly HttpClient _http;
    private readonly int _round;
    private readonly DateTimeOffset _now;
    private readonly int _killAfter;
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;
    private volatile bool _killed;

    private CrashLoad(HttpClient http, int round, DateTimeOffset now, int killAfter)
    {
        _http = http;
        _round = round;
        _now = now;
        _killAfter = killAfter;
    }

    /// <summary>
    /// Drives <paramref name="clients"/> clients against <paramref name="service"/> and kills it with SIGKILL as soon as
    /// <paramref name="killAfter"/> answers arrived, while the other clients' requests are in flight. Returns the journal.
    /// </summary>
    public static async Task<IReadOnlyList<SentRequest>> RunUntilKilledAsync(ServiceProcess service, int round, int seed, int clients,
        int killAfter, DateTimeOffset now)
    {
        var load = new CrashLoad(service.Http, round, now, killAfter);
        var workers = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => load.ClientAsync(i, new Random(unchecked(seed * 7919 + round * 131 + i)))))
            .ToArray();
        // All clients stop early only if the service refuses everything; the audit then reports the refusals.
        await Task.WhenAny(load._killPoint.Task, Task.WhenAll(workers));
        await service.KillAsync();
        load._killed = true;
        await Task.WhenAll(workers);
        return [.. load._sent];
    }

    private async Task ClientAsync(int client, Random random)
    {
        for (var chain = 0; !_killed; chain++)
        {
            var orderNo = Samples.NewId("O");
            var order = Samples.Order(Samples.NewId("shop"), now: _now);
            if (await SendAsync(new SentRequest
                {
                    Round = _round, OrderNo = orderNo, Step = Step.PutOrder, Method = HttpMethod.Put, Url = $"/api/v1/orders/{orderNo}",
                    Body = order.ToJsonString(),
                }) is null)
                return;

            var refundOnly = random.Next(2) == 0;
            var type = refundOnly ? "refund_only" : "return_refund";
            var steps = refundOnly ? RefundOnlySteps : ReturnRefundSteps;
            // Some cases stay requested, so that their automatic agreement is due after the restarts; the first chain
            // of the first client always does, so that the timer check never runs on nothing.
            var depth = client == 0 && chain == 0 ? 0 : random.Next(steps.Length + 1);
            var opening = refundOnly
                ? Samples.CaseRequest(orderNo, type, "quality_issue", lines: [(2, 1)])
                : Samples.CaseRequest(orderNo, type, "no_reason_7day", lines: [(1, 1)]);
            var opened = await SendAsync(Case(orderNo, type, Step.OpenCase, Api.Cases, opening, Key()));
            if (opened is null) return;
            var caseNo = opened.Json["caseNo"]!.GetValue<string>();
            string? refundId = null;
            foreach (var step in steps.Take(depth))
            {
                var request = step == Step.RefundResult
                    ? RefundResult(orderNo, type, refundId!, keyed: random.Next(2) == 0)
                    : Action(orderNo, type, caseNo, step, random);
                var answer = await SendAsync(request);
                if (answer is null) return;
                if (step == Step.Inspect || (refundOnly && step == Step.Agree))
                    refundId = answer.Json["refunds"]![0]!["refundId"]!.GetValue<string>();
            }
        }
    }

    private SentRequest Action(string orderNo, string type, string caseNo, Step step, Random random)
    {
        var (action, body) = step switch
        {
            Step.Agree => ("agree", new JsonObject()),
            Step.ShipReturn => ("ship-return", new JsonObject
            {
                ["carrier"] = "SF", ["waybill"] = "SF" + random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
            }),
            Step.ConfirmReceipt => ("confirm-receipt", new JsonObject()),
            Step.Inspect => ("inspect", new JsonObject { ["passed"] = true, ["notes"] = "完好 / intact" }),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        return Case(orderNo, type, step, $"{Api.Cases}/{caseNo}/actions/{action}", body, Key());
    }

    /// <summary>
    /// The payment system's callback. Half carry a key; the others rely on the endpoint's own rule that repeating a
    /// result changes nothing (API.md "Refunds").
    /// </summary>
    private SentRequest RefundResult(string orderNo, string type, string refundId, bool keyed) =>
        Case(orderNo, type, Step.RefundResult, $"/api/v1/refunds/{refundId}/result",
            new JsonObject { ["outcome"] = "succeeded", ["externalRef"] = "PAY-" + orderNo }, keyed ? Key() : null);

    private SentRequest Case(string orderNo, string type, Step step, string url, JsonObject body, string? key) => new()
    {
        Round = _round, OrderNo = orderNo, CaseType = type, Step = step, Method = HttpMethod.Post, Url = url, Body = body.ToJsonString(), Key = key,
    };

    private static string Key() => "crash-" + Guid.NewGuid().ToString("N");

    /// <summary>Sends and journals one request; null when the chain cannot go on (no answer, or not a success).</summary>
    private async Task<ApiResponse?> SendAsync(SentRequest request)
    {
        // After the kill nothing new is sent: the journal holds only requests that reached, or may have reached, the wire.
        if (_killed) return null;
        _sent.Enqueue(request);
        var answer = await request.SendAsync(_http);
        if (answer is null) return null;
        request.Answer = answer;
        request.AnsweredUnderLoad = true;
        if (Interlocked.Increment(ref _answered) >= _killAfter) _killPoint.TrySetResult();
        return answer.StatusCode is >= 200 and < 300 ? answer : null;
    }
}

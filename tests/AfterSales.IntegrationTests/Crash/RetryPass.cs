namespace AfterSales.IntegrationTests.Crash;

/// <summary>What one retry pass saw, for the round's summary.</summary>
public sealed class RetryTally
{
    public int Retried;
    public int ReplayedSame;
    public int RanAfterRestart;
    public int StillInProgress;
    public int Wrong;

    public override string ToString() =>
        $"retried {Retried}: {ReplayedSame} replayed the first answer, {RanAfterRestart} unanswered ones took effect on retry, " +
        $"{StillInProgress} still 409 idempotency.in_progress, {Wrong} other wrong answers";
}

/// <summary>
/// Sends journaled requests again, byte for byte (same key, same body), and judges each answer by API.md
/// "Idempotency-Key": a request that was answered gets that answer again (same status, same body, marked
/// <c>Idempotent-Replayed: true</c>); one the crash left unanswered gets either its first answer (its effect had
/// committed) or runs now — and is never told it is still in progress, since the process that ran it is gone.
/// </summary>
public static class RetryPass
{
    private const int Parallel = 4;

    public static async Task<RetryTally> RunAsync(HttpClient http, IEnumerable<SentRequest> requests, string pass, Violations violations)
    {
        var tally = new RetryTally();
        // A chain's requests are retried in order, chains side by side: retries of different orders never meet.
        var chains = requests.GroupBy(r => r.OrderNo).Select(g => g.ToList()).ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(chains,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = TestContext.Current.CancellationToken },
            async (chain, _) =>
            {
                foreach (var request in chain) await RetryAsync(http, request, pass, violations, tally);
            });
        return tally;
    }

    private static async Task RetryAsync(HttpClient http, SentRequest request, string pass, Violations violations, RetryTally tally)
    {
        Interlocked.Increment(ref tally.Retried);
        var retry = await request.SendAsync(http);
        if (retry is null)
        {
            Interlocked.Increment(ref tally.Wrong);
            violations.Add("no answer", $"{pass}: the retry got no answer: {request.Describe()}");
            return;
        }
        if (retry.Code == "idempotency.in_progress")
        {
            Interlocked.Increment(ref tally.StillInProgress);
            violations.Add("409 idempotency.in_progress after restart",
                $"{pass}: 409 idempotency.in_progress, but the process that claimed the key is dead: {request.Describe()}");
            return;
        }
        if (request.Answer is { } first)
        {
            var problem = Compare(request, first, retry);
            if (problem is null)
            {
                Interlocked.Increment(ref tally.ReplayedSame);
                return;
            }
            Interlocked.Increment(ref tally.Wrong);
            violations.Add(problem, $"{pass}: {problem}: {request.Describe()}\n    first: {first}\n    retry: {retry}");
            return;
        }
        if (retry.StatusCode is < 200 or >= 300)
        {
            Interlocked.Increment(ref tally.Wrong);
            violations.Add($"unanswered request refused on retry ({retry.StatusCode} {retry.Code})",
                $"{pass}: unanswered before the crash, its retry was refused (it must return the first answer or take effect now): " +
                $"{request.Describe()}\n    retry: {retry}");
            return;
        }
        // From now on this is the request's answer: every further retry must return it.
        request.Answer = retry;
        if (retry.Header("Idempotent-Replayed") == "true") Interlocked.Increment(ref tally.ReplayedSame);
        else Interlocked.Increment(ref tally.RanAfterRestart);
    }

    /// <summary>Null when <paramref name="retry"/> is the answer the contract demands; otherwise what is wrong with it.</summary>
    private static string? Compare(SentRequest request, ApiResponse first, ApiResponse retry)
    {
        if (request.Key is null)
        {
            // Idempotent by nature: the same order pushed again is a replace (200) of the same content; the same
            // refund result again changes nothing and answers the same refund.
            if (request.Step == Step.PutOrder) return retry.StatusCode == 200 ? null : "PUT order repeated is not 200";
            return retry.StatusCode == first.StatusCode && retry.Body == first.Body ? null : "repeated refund result answers differently";
        }
        if (retry.StatusCode != first.StatusCode || !retry.Bytes.AsSpan().SequenceEqual(first.Bytes))
            return "retry with the same key answers differently";
        if (retry.Header("Location") != first.Header("Location") || retry.ETag != first.ETag)
            return "retry with the same key has another Location or ETag";
        return retry.Header("Idempotent-Replayed") == "true" ? null : "replay not marked Idempotent-Replayed: true";
    }
}
